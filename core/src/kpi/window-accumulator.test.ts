import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reading } from '../readings/reading.js';
import { WindowAccumulator } from './window-accumulator.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

/** Batch reference: dedupe by point key (last write wins), keep the window, total up. */
function batchTotals(readings: readonly Reading[], windowStart: number, threshold: number) {
  const points = new Map<string, number>();
  for (const r of readings) if (r.quantity === 'pm25') points.set(`${r.sensorId}|${r.ts}`, r.value);
  let count = 0;
  let sum = 0;
  let above = 0;
  for (const [key, value] of points) {
    const ts = Number(key.split('|')[1]);
    if (ts < windowStart) continue;
    count += 1;
    sum += value;
    if (value > threshold) above += 1;
  }
  return { count, sum, above };
}

const readingArb = fc.record({
  sensorId: fc.constantFrom('a', 'b', 'c'),
  quantity: fc.constantFrom('pm25' as const, 'no2' as const),
  value: fc.integer({ min: 0, max: 100 }),
  // Minute-aligned times over 30 h, so that some fall out of a 24 h window.
  ts: fc.integer({ min: 0, max: 30 * 60 }).map((m) => T0 + m * 60_000),
});

describe('WindowAccumulator', () => {
  it('equals a batch recomputation for shuffled streams with duplicates (same-value redeliveries)', () => {
    fc.assert(
      fc.property(
        fc.array(readingArb, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 20 }),
        (base, dupCount) => {
          // Redeliveries repeat a point with the same value, as MQTT QoS 1 does.
          const stream = [...base, ...base.slice(0, dupCount)];
          const accumulator = new WindowAccumulator({
            windowMs: 24 * HOUR,
            quantities: ['pm25'],
            threshold: 50,
            dedupHorizonMs: 48 * HOUR,
          });
          for (const r of stream) accumulator.add(r);
          const totals = accumulator.totals('pm25');
          const reference = batchTotals(stream, accumulator.windowStart(), 50);
          expect({ count: totals.count, sum: totals.sum, above: totals.above }).toEqual(reference);
        },
      ),
    );
  });

  it('replaces a corrected value instead of counting it twice', () => {
    const accumulator = new WindowAccumulator({ windowMs: 24 * HOUR, quantities: ['pm25'], threshold: 10 });
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 5, ts: T0 });
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 15, ts: T0 });
    expect(accumulator.totals('pm25')).toMatchObject({ count: 1, sum: 15, above: 1 });
  });

  it('drops buckets that leave the window and ignores readings older than it', () => {
    const accumulator = new WindowAccumulator({ windowMs: 24 * HOUR, quantities: ['pm25'] });
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 10, ts: T0 });
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 20, ts: T0 + 25 * HOUR });
    expect(accumulator.totals('pm25')).toMatchObject({ count: 1, sum: 20 });
    expect(accumulator.add({ sensorId: 'b', quantity: 'pm25', value: 30, ts: T0 })).toBe(false);
    expect(accumulator.add({ sensorId: 'b', quantity: 'no2', value: 30, ts: T0 + 25 * HOUR })).toBe(false);
  });
});

describe('WindowAccumulator dedup budget', () => {
  it('forgets the oldest slices first when more points arrive than the budget holds', () => {
    const accumulator = new WindowAccumulator({
      windowMs: 24 * HOUR,
      quantities: ['pm25'],
      dedupPoints: 100,
    });
    // 10 readings a second for 30 s: three 10 s slices of 100 points each.
    for (let i = 0; i < 300; i += 1)
      accumulator.add({ sensorId: `s${i % 10}`, quantity: 'pm25', value: 1, ts: T0 + i * 100 });
    expect(accumulator.dedupPoints).toBeLessThanOrEqual(100);
    // A redelivery of the newest slice is still recognised; one of the oldest counts again.
    accumulator.add({ sensorId: 's9', quantity: 'pm25', value: 1, ts: T0 + 299 * 100 });
    expect(accumulator.totals('pm25').count).toBe(300);
    accumulator.add({ sensorId: 's0', quantity: 'pm25', value: 1, ts: T0 });
    expect(accumulator.totals('pm25').count).toBe(301);
  });

  it('stops deduplicating a bucket once it falls behind the horizon, as before', () => {
    const accumulator = new WindowAccumulator({ windowMs: 24 * HOUR, quantities: ['pm25'] });
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 5, ts: T0 });
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 5, ts: T0 + 2 * HOUR });
    expect(accumulator.dedupPoints).toBe(1);
    accumulator.add({ sensorId: 'a', quantity: 'pm25', value: 5, ts: T0 });
    expect(accumulator.totals('pm25')).toMatchObject({ count: 3, sum: 15 });
  });
});
