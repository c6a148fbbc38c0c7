import { describe, expect, it } from 'vitest';
import type { AggregateQuery, Store, StoredReading } from '@ssc-monitor/core';
import type { ContractContext } from './store-contract-context.js';
import { DAY, HOUR, MINUTE, PM25, T0, expectedAggregate, reading } from './store-fixtures.js';

const SENSORS = [
  { id: 'air-01', district: 'centre' },
  { id: 'air-02', district: 'centre' },
  { id: 'air-03', district: 'harbour' },
  { id: 'air-04', district: 'park' },
] as const;
const DAYS = 40;
const span = { quantity: PM25, from: T0, to: T0 + DAYS * DAY };
/** Raw readings older than 10 days before the end of the fixture are deleted by maintenance. */
const retained = { rawRetentionMs: 10 * DAY, clock: { now: () => span.to + 12 * HOUR } };
const CUTOFF = span.to - 10 * DAY;

/**
 * Forty days of PM2.5 from four sensors in three districts (two in `centre`), every 20 minutes,
 * each sensor some seconds apart; values are multiples of 0.25, so sums are exact in any order.
 */
function cityReadings(): StoredReading[] {
  const readings: StoredReading[] = [];
  SENSORS.forEach((sensor, s) => {
    for (let k = 0; k < (DAYS * DAY) / (20 * MINUTE); k += 1) {
      const ts = T0 + k * 20 * MINUTE + s * 17_000;
      readings.push(reading(sensor.id, sensor.district, ts, ((k * 29 + s * 13) % 320) / 4));
    }
  });
  return readings;
}

/** City-wide and per-district series: sensors merged, the queries district roll-ups answer. */
const cityQueries: AggregateQuery[] = [
  { ...span, every: HOUR, groupBy: 'none' },
  { ...span, every: DAY, groupBy: 'none' },
  { ...span, every: 7 * DAY, groupBy: 'none' },
  { ...span, every: HOUR, groupBy: 'none', districts: ['centre'] },
  { ...span, every: DAY, groupBy: 'none', districts: ['centre', 'park'] },
  // Parts of an hour come from raw readings, so an unaligned bound must stay within the retention.
  { ...span, from: T0 + 2 * HOUR, to: span.to - 5 * DAY - 30 * MINUTE + 1, every: HOUR, groupBy: 'none' },
  { ...span, from: T0 + 36 * HOUR, to: span.to - 13 * HOUR, every: DAY, groupBy: 'none' },
];

async function maintain(store: Store): Promise<void> {
  if (store.maintain === undefined) throw new Error('a store with roll-ups must have maintain()');
  await store.maintain();
}

async function expectExact(store: Store, written: readonly StoredReading[]): Promise<void> {
  for (const query of cityQueries) {
    const expected = expectedAggregate(written, query);
    expect(expected.length, `${JSON.stringify(query)} matches readings`).toBeGreaterThan(0);
    expect(await store.aggregate(query), JSON.stringify(query)).toEqual(expected);
  }
}

/** City and district roll-ups (sensors merged per district and bucket) against raw-derived totals. */
export function describeDistrictRollups(ctx: ContractContext): void {
  describe('city and district roll-ups', () => {
    it('give city and district totals equal to raw-derived ones, before and after raw deletion', async () => {
      const { store } = await ctx.open(undefined, retained);
      const written = cityReadings();
      await store.write(written);
      await expectExact(store, written);
      await maintain(store);
      expect(await store.readings({ ...span, to: CUTOFF })).toEqual([]);
      await expectExact(store, written);
    });

    it('count a rewritten or redelivered reading once, and a late one in a sealed hour, across maintenance', async () => {
      const { store } = await ctx.open(undefined, retained);
      const written = cityReadings();
      await store.write(written);
      await maintain(store);
      const open = written.filter((r) => r.ts >= CUTOFF + DAY);
      const [target, again] = [open[5]!, open[500]!];
      const rewritten = { ...target, value: target.value + 100 };
      const late = reading('air-02', 'centre', T0 + 3 * DAY + 7 * MINUTE + 1, 250);
      await store.write([rewritten, again, late]);
      const now = [...written.map((r) => (r === target ? rewritten : r)), late];
      await expectExact(store, now);
      await maintain(store);
      await expectExact(store, now);
      await maintain(store);
      await expectExact(store, now);
    });
  });
}
