import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '@ssc-monitor/core';
import { kpiSnapshot, sensorState } from '../../test-support/fixtures';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings';
import type { Alert } from './alert-types';
import { alertConditions, type AlertInputs } from './conditions';
import { acknowledgeAlerts, reconcileAlerts, splitAlerts } from './reconcile';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const settings = DEFAULT_ALERT_SETTINGS;

function inputs(overrides: Partial<AlertInputs> = {}): AlertInputs {
  return {
    kpis: [],
    sensors: [],
    deadLetters: [],
    silentAfterMs: 10 * MINUTE,
    districtNames: new Map([['centre', 'Old Town Centre']]),
    kpiDistricts: new Map(),
    now: NOW,
    settings,
    ...overrides,
  };
}

/** Runs the rules once over `previous`, as the provider does on each tick. */
function step(previous: readonly Alert[], over: Partial<AlertInputs>): readonly Alert[] {
  const input = inputs(over);
  const { conditions, ready } = alertConditions(input);
  return reconcileAlerts(previous, conditions, ready, input.now, settings);
}

const offTrack = kpiSnapshot({
  status: 'off_track',
  current: { value: 22, at: NOW, readings: 10, coverage: null, period: null },
});
const letters = (n: number, start: number): DeadLetter[] =>
  Array.from({ length: n }, (_, i) => ({
    topic: 'sensors/noise-1',
    sensorId: 'noise-1',
    code: 'INGEST_ERR_NOT_JSON',
    reason: 'not JSON',
    payloadExcerpt: 'x',
    payloadBytes: 1,
    receivedAt: start + i * 1000,
  }));

describe('alert conditions', () => {
  it('raises an off-track KPI with its value, what was expected and where', () => {
    const [alert] = step([], { kpis: [offTrack, kpiSnapshot({ id: 'ok' })] });
    expect(alert).toMatchObject({
      id: `kpi_off_track:env.air.pm25@${NOW}`,
      kind: 'kpi_off_track',
      subject: 'env.air.pm25',
      raisedAt: NOW,
      resolvedAt: null,
      acknowledgedAt: null,
      what: 'Fine particulate matter (PM2.5) is off track: 22.0 µg/m³, expected 16.4 µg/m³',
      where: 'Whole city',
      href: '#/kpi/env.air.pm25',
    });
    const scoped = step([], { kpis: [offTrack], kpiDistricts: new Map([['env.air.pm25', ['centre', 'x']]]) });
    expect(scoped[0]?.where).toBe('Old Town Centre, x');
  });

  it('raises a silent sensor from the time its expected message failed to come', () => {
    const sensor = sensorState({ lastSeen: NOW - 15 * MINUTE });
    const [alert] = step([], { sensors: [sensor, sensorState({ id: 'fresh', lastSeen: NOW })] });
    expect(alert).toMatchObject({
      kind: 'sensor_silent',
      subject: 'aq-centre-1',
      raisedAt: NOW - 5 * MINUTE,
      what: 'Sensor aq-centre-1 is silent: no message for over 10 min',
      where: 'Old Town Centre',
      href: '#/sensors?sensor=aq-centre-1',
    });
  });

  it('raises a burst of rejected messages, resolved once it is over, and forgets old bursts', () => {
    const [running] = step([], { deadLetters: letters(12, NOW - 20_000) });
    expect(running).toMatchObject({
      kind: 'dead_letter_burst',
      resolvedAt: null,
      where: 'noise-1',
      href: '#/health',
    });
    expect(running?.what).toBe('12 messages rejected within 1 min, mostly INGEST_ERR_NOT_JSON (12)');
    const [over] = step([], { deadLetters: letters(12, NOW - 5 * MINUTE) });
    expect(over?.resolvedAt).toBe(NOW - 5 * MINUTE + 2000 + MINUTE);
    expect(step([], { deadLetters: letters(12, NOW - 3 * 60 * MINUTE) })).toEqual([]);
  });
});

describe('reconcileAlerts', () => {
  it('keeps an alert (id, time, acknowledgement) while its condition holds, and returns the same list', () => {
    const first = step([], { kpis: [offTrack] });
    const acked = acknowledgeAlerts(first, 'all', NOW + 1);
    const later = step(acked, { kpis: [offTrack], now: NOW + MINUTE });
    expect(later).toBe(acked);
  });

  it('resolves an alert when its condition is gone, and raises a new one when it returns', () => {
    const first = step([], { kpis: [offTrack] });
    const resolved = step(acknowledgeAlerts(first, 'all', NOW), { kpis: [], now: NOW + MINUTE });
    expect(resolved[0]).toMatchObject({ resolvedAt: NOW + MINUTE, acknowledgedAt: NOW });
    const again = step(resolved, { kpis: [offTrack], now: NOW + 2 * MINUTE });
    expect(again.map((a) => [a.raisedAt, a.acknowledgedAt])).toEqual([
      [NOW + 2 * MINUTE, null],
      [NOW, NOW],
    ]);
  });

  it('keeps the objects of unchanged alerts when another alert changes', () => {
    const silent = sensorState({ lastSeen: NOW - 20 * MINUTE });
    const first = step([], { kpis: [offTrack], sensors: [silent] });
    expect(first).toHaveLength(2);
    const later = step(first, { kpis: [], sensors: [silent], now: NOW + MINUTE });
    expect(later).not.toBe(first);
    const kept = later.find((a) => a.kind === 'sensor_silent');
    expect(kept).toBe(first.find((a) => a.kind === 'sensor_silent'));
    expect(later.find((a) => a.kind !== 'sensor_silent')).toMatchObject({ resolvedAt: NOW + MINUTE });
  });

  it('leaves alerts alone while the data of their kind has not loaded', () => {
    const first = step([], { kpis: [offTrack] });
    expect(step(first, { kpis: null, now: NOW + MINUTE })).toBe(first);
  });

  it('keeps acknowledged alerts for a day after they resolved, and at most maxAlerts', () => {
    const first = acknowledgeAlerts(step([], { kpis: [offTrack] }), 'all', NOW);
    const resolved = step(first, { kpis: [], now: NOW + MINUTE });
    expect(step(resolved, { kpis: [], now: NOW + MINUTE + settings.keepAcknowledgedMs })).toHaveLength(1);
    expect(step(resolved, { kpis: [], now: NOW + 2 * MINUTE + settings.keepAcknowledgedMs })).toEqual([]);
  });
});

describe('acknowledging', () => {
  it('moves alerts to the acknowledged list by id or all at once', () => {
    const kpis = [offTrack, { ...offTrack, id: 'b', name: 'B' }];
    const alerts = step([], { kpis });
    const one = acknowledgeAlerts(alerts, new Set([alerts[0]?.id ?? '']), NOW + 5);
    expect(splitAlerts(one).open).toHaveLength(1);
    expect(splitAlerts(one).acknowledged[0]?.acknowledgedAt).toBe(NOW + 5);
    const all = acknowledgeAlerts(one, 'all', NOW + 9);
    expect(splitAlerts(all).open).toEqual([]);
    expect(acknowledgeAlerts(all, 'all', NOW + 10)).toBe(all);
  });
});
