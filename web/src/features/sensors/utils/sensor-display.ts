import type { SensorState } from '@ssc-monitor/core';
import { quantityDisplay } from '../../../config/quantities';
import { formatValue } from '../../../lib/format';

export interface LatestValueDisplay {
  readonly quantity: string;
  readonly label: string;
  /** Value with its canonical unit, "12.3 µg/m³". */
  readonly text: string;
}

/** A sensor's latest value per quantity, in the vocabulary's order of labels. */
export function latestValues(sensor: SensorState): LatestValueDisplay[] {
  return Object.entries(sensor.latest)
    .flatMap(([quantity, latest]) => {
      if (latest === undefined) return [];
      const { label, unit } = quantityDisplay(quantity);
      return [{ quantity, label, text: formatValue(latest.value, unit) }];
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Silent: no message for longer than `silentAfterMs`, or never heard from. */
export function isSilent(sensor: SensorState, now: number, silentAfterMs: number): boolean {
  return sensor.lastSeen === null || now - sensor.lastSeen > silentAfterMs;
}

/** Share of a sensor's messages that were rejected, 0–1; null before its first message. */
export function errorRate(sensor: SensorState): number | null {
  return sensor.messages === 0 ? null : sensor.errors / sensor.messages;
}

/** "6 /min", "0.5 /min", "1 per 2 h": a sensor's message rate from its mean interval; "—" until known. */
export function formatMessageRate(intervalMs: number | null): string {
  if (intervalMs === null || !(intervalMs > 0)) return '—';
  const perMinute = 60_000 / intervalMs;
  if (perMinute >= 10) return `${Math.round(perMinute)} /min`;
  if (perMinute >= 0.1) return `${Math.round(perMinute * 10) / 10} /min`;
  const hours = intervalMs / 3_600_000;
  return hours < 1 ? `1 per ${Math.round(intervalMs / 60_000)} min` : `1 per ${Math.round(hours)} h`;
}
