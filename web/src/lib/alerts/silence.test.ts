import { describe, expect, it } from 'vitest';
import { sensorState } from '../../test-support/fixtures';
import { DEFAULT_ALERT_SETTINGS } from './alert-settings';
import { isSilentSensor, median, observeSensor, silentAfterMs, typicalInterval } from './silence';

const MINUTE = 60_000;

describe('observeSensor', () => {
  it('learns the interval from two observations, per message received in between', () => {
    const first = observeSensor(undefined, sensorState({ lastSeen: 1_000, messages: 10 }));
    expect(first).toEqual({ lastSeen: 1_000, messages: 10, intervalMs: null });
    // Coalesced live events: 4 messages in 2 s is one every 500 ms.
    const second = observeSensor(first, sensorState({ lastSeen: 3_000, messages: 14 }));
    expect(second?.intervalMs).toBe(500);
  });

  it('keeps the estimate when nothing new arrived, and starts again after a platform restart', () => {
    const known = { lastSeen: 3_000, messages: 14, intervalMs: 500 };
    expect(observeSensor(known, sensorState({ lastSeen: 3_000, messages: 14 }))).toBe(known);
    expect(observeSensor(known, sensorState({ lastSeen: 9_000, messages: 1 }))?.intervalMs).toBeNull();
    expect(observeSensor(known, sensorState({ lastSeen: null, messages: 0 }))).toBe(known);
  });
});

describe('silentAfterMs', () => {
  it('is five times the median interval of the city, or ten minutes, whichever is longer', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    const estimates = [60_000, 120_000, 180_000, null].map((intervalMs) => ({
      lastSeen: 0,
      messages: 1,
      intervalMs,
    }));
    expect(typicalInterval(estimates)).toBe(120_000);
    expect(silentAfterMs(120_000, DEFAULT_ALERT_SETTINGS)).toBe(10 * MINUTE);
    expect(silentAfterMs(4 * MINUTE, DEFAULT_ALERT_SETTINGS)).toBe(20 * MINUTE);
    expect(silentAfterMs(null, DEFAULT_ALERT_SETTINGS)).toBe(10 * MINUTE);
  });

  it('flags a sensor quiet for longer than the threshold, never one not yet heard from', () => {
    const now = 100 * MINUTE;
    expect(isSilentSensor(sensorState({ lastSeen: now - 10 * MINUTE }), now, 10 * MINUTE)).toBe(false);
    expect(isSilentSensor(sensorState({ lastSeen: now - 10 * MINUTE - 1 }), now, 10 * MINUTE)).toBe(true);
    expect(isSilentSensor(sensorState({ lastSeen: null }), now, 10 * MINUTE)).toBe(false);
  });
});
