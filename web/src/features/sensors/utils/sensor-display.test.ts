import { describe, expect, it } from 'vitest';
import { sensorState } from '../../../test-support/fixtures';
import { errorRate, isSilent, latestValues, formatMessageRate } from './sensor-display';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('latestValues', () => {
  it('shows each latest value with its unit, ordered by label', () => {
    const sensor = sensorState({
      latest: {
        pm25: { value: 12.34, ts: now },
        no2: { value: 31, ts: now },
        humidity: { value: 64.2, ts: now },
      },
    });
    expect(latestValues(sensor).map((v) => `${v.label} ${v.text}`)).toEqual([
      'NO₂ 31.0 µg/m³',
      'PM2.5 12.3 µg/m³',
      'Relative humidity 64.2%',
    ]);
  });

  it('shows nothing for a sensor without valid readings', () => {
    expect(latestValues(sensorState({ latest: {} }))).toEqual([]);
  });
});

describe('isSilent / errorRate', () => {
  it('flags sensors silent for too long or never heard from', () => {
    expect(isSilent(sensorState({ lastSeen: now - 60_000 }), now, 600_000)).toBe(false);
    expect(isSilent(sensorState({ lastSeen: now - 600_001 }), now, 600_000)).toBe(true);
    expect(isSilent(sensorState({ lastSeen: null }), now, 600_000)).toBe(true);
  });

  it('computes the rejected share of messages', () => {
    expect(errorRate(sensorState({ messages: 200, errors: 5 }))).toBe(0.025);
    expect(errorRate(sensorState({ messages: 0, errors: 0 }))).toBeNull();
  });
});

describe('formatMessageRate', () => {
  it.each([
    [null, '—'],
    [0, '—'],
    [1_000, '60 /min'],
    [10_000, '6 /min'],
    [120_000, '0.5 /min'],
    [30 * 60_000, '1 per 30 min'],
    [2 * 3_600_000, '1 per 2 h'],
  ])('%s ms between messages reads %s', (interval, text) => {
    expect(formatMessageRate(interval)).toBe(text);
  });
});
