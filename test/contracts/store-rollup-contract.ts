import { describe, expect, it } from 'vitest';
import type { AggregateQuery, Store, StoredReading } from '@ssc-monitor/core';
import type { ContractContext, StoreFixture } from './store-contract-context.js';
import { describeDistrictRollups } from './store-district-rollup-contract.js';
import {
  DAY,
  HOUR,
  MINUTE,
  PM25,
  T0,
  YEAR_DAYS,
  byTimeThenSensor,
  expectedAggregate,
  hourlyYear,
  matches,
  meanOf,
  reading,
  twoDaysOfReadings,
} from './store-fixtures.js';

const year = { quantity: PM25, from: T0, to: T0 + YEAR_DAYS * DAY };
/** Half a day after the year: with a 30-day retention, raw readings before day 335 go. */
const RETENTION_MS = 30 * DAY;
const NOW = year.to + 12 * HOUR;
const CUTOFF = year.to - 30 * DAY;
const retained = { rawRetentionMs: RETENTION_MS, clock: { now: () => NOW } };

async function maintain(store: Store): Promise<void> {
  if (store.maintain === undefined) throw new Error('a store with roll-ups must have maintain()');
  await store.maintain();
}

/** Each query must equal what the readings give when computed the obvious way. */
async function expectExact(
  store: Store,
  written: readonly StoredReading[],
  queries: readonly AggregateQuery[],
) {
  const answers = await Promise.all(queries.map((query) => store.aggregate(query)));
  queries.forEach((query, i) => {
    const expected = expectedAggregate(written, query);
    expect(expected.length, `${JSON.stringify(query)} matches readings`).toBeGreaterThan(0);
    expect(answers[i], JSON.stringify(query)).toEqual(expected);
  });
}

/** Whole-hour and whole-day queries of the year, aligned and not, filtered and not. */
const yearQueries: AggregateQuery[] = [
  { ...year, every: DAY, groupBy: 'sensor' },
  { ...year, every: DAY, groupBy: 'none' },
  { ...year, every: HOUR, groupBy: 'sensor' },
  { ...year, every: 30 * DAY, groupBy: 'none', districts: ['harbour'] },
  { ...year, every: 7 * DAY, groupBy: 'sensor', sensorIds: ['air-01'] },
];

/** Hourly and daily roll-ups, raw retention and the combination with readings not rolled up yet. */
export function describeRollups(ctx: ContractContext): void {
  describe('roll-ups', () => {
    const withRetention = (): Promise<StoreFixture> => ctx.open(undefined, retained);

    it('answers a year per day, hour, week and month from roll-ups exactly as from raw readings', async () => {
      const written = hourlyYear();
      await ctx.store.write(written);
      await maintain(ctx.store);
      const unaligned = { ...year, from: T0 + 30 * MINUTE, to: T0 + 40 * DAY + 90 * MINUTE };
      await expectExact(ctx.store, written, [
        ...yearQueries,
        { ...unaligned, every: DAY, groupBy: 'sensor' },
        { ...unaligned, every: HOUR, groupBy: 'none' },
      ]);
    });

    it('keeps hourly and daily aggregates exact once the retention has deleted raw readings', async () => {
      const { store } = await withRetention();
      const written = hourlyYear();
      await store.write(written);
      await maintain(store);
      expect(await store.readings({ ...year, to: CUTOFF })).toEqual([]);
      const kept = written.filter((r) => r.ts >= CUTOFF && matches(r, year)).sort(byTimeThenSensor);
      expect(await store.readings(year)).toEqual(kept);
      await expectExact(store, written, yearQueries);
    });

    it('gives a monthly mean from daily roll-ups equal to the mean of the raw readings', async () => {
      const { store } = await withRetention();
      await store.write(hourlyYear());
      const march = { ...year, to: T0 + 31 * DAY };
      const raw = await store.readings(march);
      const rawMean = raw.reduce((sum, r) => sum + r.value, 0) / raw.length;
      await maintain(store);
      expect(await store.readings(march)).toEqual([]);
      const days = await store.aggregate({ ...march, every: DAY, groupBy: 'sensor' });
      expect(days).toHaveLength(2 * 31);
      expect(meanOf(days)).toBe(rawMean);
    });

    it('counts a rewritten reading once, with its new value, before and after maintenance', async () => {
      const written = twoDaysOfReadings();
      await ctx.store.write(written);
      await maintain(ctx.store);
      const target = written.find((r) => r.quantity === PM25 && r.ts > T0 + DAY)!;
      const rewrite = [{ ...target, value: target.value + 100 }, written[0]!];
      await ctx.store.write(rewrite);
      const now = written.map((r) => (r === target ? rewrite[0]! : r));
      const queries: AggregateQuery[] = [
        { ...year, to: T0 + 2 * DAY, every: DAY, groupBy: 'sensor' },
        { ...year, to: T0 + 2 * DAY, every: HOUR, groupBy: 'none' },
      ];
      await expectExact(ctx.store, now, queries);
      await maintain(ctx.store);
      await expectExact(ctx.store, now, queries);
    });

    it('includes a reading in aggregates right after its write, before maintenance', async () => {
      const written = twoDaysOfReadings();
      await ctx.store.write(written);
      await maintain(ctx.store);
      const late = [
        reading('air-01', 'centre', T0 + 5 * HOUR + 1, 99),
        reading('air-02', 'centre', T0 + 9 * DAY, 7),
      ];
      await ctx.store.write(late);
      await expectExact(
        ctx.store,
        [...written, ...late],
        [
          { ...year, to: T0 + 10 * DAY, every: DAY, groupBy: 'sensor' },
          { ...year, to: T0 + 10 * DAY, every: HOUR, groupBy: 'none' },
        ],
      );
    });

    it('adds a reading older than the retention, written late, to the roll-ups', async () => {
      const { store } = await withRetention();
      const written = hourlyYear();
      await store.write(written);
      await maintain(store);
      const late = reading('air-03', 'harbour', T0 + 5 * DAY + 30 * MINUTE, 400);
      await store.write([late]);
      const queries: AggregateQuery[] = [
        { ...year, every: DAY, groupBy: 'sensor' },
        { ...year, to: T0 + 6 * DAY, every: HOUR, groupBy: 'sensor' },
      ];
      await expectExact(store, [...written, late], queries);
      await maintain(store);
      expect(await store.readings({ ...year, to: CUTOFF })).toEqual([]);
      await expectExact(store, [...written, late], queries);
    });

    it('rolls up hours written before a restart, before the retention deletes them', async () => {
      const first = await withRetention();
      const written = hourlyYear();
      await first.store.write(written);
      await first.store.close();
      const { store } = await ctx.open(first.location, retained);
      await maintain(store);
      expect(await store.readings({ ...year, to: CUTOFF })).toEqual([]);
      await expectExact(store, written, yearQueries.slice(0, 3));
    });

    it('leaves raw reads, latest values and threshold counts to raw readings', async () => {
      const written = twoDaysOfReadings();
      await ctx.store.write(written);
      await maintain(ctx.store);
      const twoDays = { ...year, to: T0 + 2 * DAY };
      const expected = written.filter((r) => matches(r, twoDays)).sort(byTimeThenSensor);
      expect(await ctx.store.readings(twoDays)).toEqual(expected);
      expect(await ctx.store.latest({ sensorIds: ['air-01'] })).toHaveLength(1);
      await expectExact(ctx.store, written, [{ ...twoDays, every: DAY, groupBy: 'sensor', threshold: 30 }]);
    });

    describeDistrictRollups(ctx);
  });
}
