import type { SensorState } from '@ssc-monitor/core';
import type { AlertSettings } from './alert-settings';

/** What a screen has learnt about how often one sensor publishes. */
export interface IntervalEstimate {
  readonly lastSeen: number;
  readonly messages: number;
  /** Mean time between its messages over the last observed step, ms; null until two observations. */
  readonly intervalMs: number | null;
}

/**
 * Updates a sensor's interval from a new state. Live events are coalesced (one per sensor per tick), so
 * the interval is the time between two observations divided by the messages received in between.
 */
export function observeSensor(
  previous: IntervalEstimate | undefined,
  sensor: SensorState,
): IntervalEstimate | undefined {
  if (sensor.lastSeen === null) return previous;
  const fresh = { lastSeen: sensor.lastSeen, messages: sensor.messages, intervalMs: null };
  // A counter that went down means the platform restarted: start learning again.
  if (previous === undefined || sensor.messages < previous.messages) return fresh;
  const messages = sensor.messages - previous.messages;
  const elapsed = sensor.lastSeen - previous.lastSeen;
  if (messages === 0 || elapsed <= 0) return previous;
  return { lastSeen: sensor.lastSeen, messages: sensor.messages, intervalMs: elapsed / messages };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** The city's typical message interval: the median over sensors with an estimate, ms; null if none. */
export function typicalInterval(estimates: Iterable<IntervalEstimate>): number | null {
  const intervals: number[] = [];
  for (const estimate of estimates) if (estimate.intervalMs !== null) intervals.push(estimate.intervalMs);
  return median(intervals);
}

/**
 * How long a sensor may stay quiet before it counts as silent: `silentFactor` times the typical
 * interval, or `silentMinMs`, whichever is longer. The floor keeps a city of chatty sensors from
 * flagging one that merely skipped a beat.
 */
export function silentAfterMs(typicalMs: number | null, settings: AlertSettings): number {
  return Math.max(settings.silentMinMs, (typicalMs ?? 0) * settings.silentFactor);
}

/**
 * Sensors heard from before that have been quiet for longer than `thresholdMs`. A sensor never heard
 * from is not silent: nothing is known of what to expect from it.
 */
export function isSilentSensor(sensor: SensorState, now: number, thresholdMs: number): boolean {
  return sensor.lastSeen !== null && now - sensor.lastSeen > thresholdMs;
}
