import { describe, expect, it } from 'vitest';
import { sensorState } from '../../test-support/fixtures';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings';
import type { Alert } from './alert-types';
import { alertConditions, openSilentAlerts, type AlertInputs } from './conditions';

const LAST_SEEN = Date.UTC(2026, 10, 25, 12, 0, 0);
const sensor = sensorState({ id: 'noise-1', lastSeen: LAST_SEEN });

const inputs = (overrides: Partial<AlertInputs>): AlertInputs => ({
  kpis: null,
  sensors: [sensor],
  deadLetters: null,
  silentAfterMs: 60_000,
  districtNames: new Map(),
  kpiDistricts: new Map(),
  now: LAST_SEEN + 90_000,
  settings: DEFAULT_ALERT_SETTINGS,
  ...overrides,
});

const silentSubjects = (set: ReturnType<typeof alertConditions>) =>
  set.conditions.filter((c) => c.kind === 'sensor_silent').map((c) => c.subject);

const openAlert = (raisedAt: number): Alert => ({
  id: `sensor_silent:noise-1@${raisedAt}`,
  key: 'sensor_silent:noise-1',
  kind: 'sensor_silent',
  subject: 'noise-1',
  raisedAt,
  resolvedAt: null,
  acknowledgedAt: null,
  what: '',
  where: '',
  href: '',
});

describe('silent-sensor conditions', () => {
  it('flag a sensor quiet for longer than the threshold, and not one within it', () => {
    expect(silentSubjects(alertConditions(inputs({})))).toEqual(['noise-1']);
    expect(silentSubjects(alertConditions(inputs({ silentAfterMs: 120_000 })))).toEqual([]);
  });

  it('keep an open silence until the sensor is heard again, though the learnt threshold grew', () => {
    const openSilent = openSilentAlerts([openAlert(LAST_SEEN + 60_000)]);
    expect(silentSubjects(alertConditions(inputs({ silentAfterMs: 120_000, openSilent })))).toEqual([
      'noise-1',
    ]);
    const heard = sensorState({ id: 'noise-1', lastSeen: LAST_SEEN + 70_000 });
    expect(
      silentSubjects(alertConditions(inputs({ sensors: [heard], silentAfterMs: 120_000, openSilent }))),
    ).toEqual([]);
  });

  it('count only open silent alerts as open', () => {
    const resolved = { ...openAlert(LAST_SEEN), resolvedAt: LAST_SEEN + 1 };
    expect(openSilentAlerts([resolved, { ...openAlert(5), kind: 'kpi_off_track' }])).toEqual(new Map());
  });
});
