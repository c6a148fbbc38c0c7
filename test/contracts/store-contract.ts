import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AggregateQuery, Store } from '@ssc-monitor/core';
import type { ContractContext, StoreBuildOptions, StoreFixture } from './store-contract-context.js';
import { describeRollups } from './store-rollup-contract.js';
import {
  DAY,
  HOUR,
  MINUTE,
  NOISE,
  PM25,
  T0,
  byTimeThenSensor,
  expectedAggregate,
  manyReadings,
  matches,
  reading,
  sortLatest,
  twoDaysOfReadings,
} from './store-fixtures.js';

const twoDays = { quantity: PM25, from: T0, to: T0 + 2 * DAY };

export type { StoreBuildOptions, StoreFixture } from './store-contract-context.js';

/** Builds and starts a store on fresh, empty storage, or on `location` when given. */
export type BuildStore = (location?: string, options?: StoreBuildOptions) => Promise<StoreFixture>;

/**
 * The behaviour every `Store` adapter must show, after MQTT.js' `abstractStoreTest(build)`. Each test
 * gets a store on fresh storage.
 */
export function describeStoreContract(name: string, build: BuildStore): void {
  describe(`Store contract: ${name}`, () => {
    let fixtures: StoreFixture[] = [];
    let store: Store | undefined;
    const ctx: ContractContext = {
      get store(): Store {
        if (store === undefined) throw new Error('no store: beforeEach has not run');
        return store;
      },
      get fixtures() {
        return fixtures;
      },
      async open(location, options) {
        const fixture = await build(location, options);
        fixtures.push(fixture);
        return fixture;
      },
    };

    beforeEach(async () => {
      store = (await ctx.open()).store;
    });

    afterEach(async () => {
      for (const fixture of fixtures.reverse()) await fixture.teardown();
      fixtures = [];
      store = undefined;
    });

    describeWrites(ctx);
    describeAggregates(ctx);
    describeQueries(ctx);
    describeRollups(ctx);
  });
}

/** Writing: read-back, point identity, batches. */
function describeWrites(ctx: ContractContext): void {
  it('answers a ping once started', async () => {
    expect(await ctx.store.ping()).toBe(true);
  });

  it('reads back what was written, in time order then by sensor, leaving other quantities out', async () => {
    const written = twoDaysOfReadings();
    await ctx.store.write([...written].reverse());
    const expected = written.filter((r) => matches(r, twoDays)).sort(byTimeThenSensor);
    expect(expected.length).toBeGreaterThan(1000);
    expect(await ctx.store.readings(twoDays)).toEqual(expected);
  });

  it('stores a point written twice once, and a rewrite replaces its value', async () => {
    const first = [reading('air-01', 'centre', T0, 10), reading('air-01', 'centre', T0 + MINUTE, 20)];
    await ctx.store.write(first);
    await ctx.store.write(first);
    expect(await ctx.store.readings(twoDays)).toEqual(first);
    await ctx.store.write([reading('air-01', 'centre', T0 + MINUTE, 25)]);
    expect(await ctx.store.readings(twoDays)).toEqual([
      first[0],
      reading('air-01', 'centre', T0 + MINUTE, 25),
    ]);
    const [row] = await ctx.store.aggregate({ ...twoDays, every: DAY, groupBy: 'none' });
    expect(row).toEqual({ bucket: T0, count: 2, sum: 35, min: 10, max: 25 });
  });

  it('keeps the last of duplicates inside one batch', async () => {
    await ctx.store.write([
      reading('air-01', 'centre', T0, 1),
      reading('air-02', 'centre', T0, 7),
      reading('air-01', 'centre', T0, 2),
      reading('air-01', 'centre', T0, 3),
    ]);
    expect(await ctx.store.readings(twoDays)).toEqual([
      reading('air-01', 'centre', T0, 3),
      reading('air-02', 'centre', T0, 7),
    ]);
  });

  it('treats the same time of another sensor or quantity as another point', async () => {
    const points = [reading('air-01', 'centre', T0, 1), reading('air-02', 'centre', T0, 2)];
    await ctx.store.write([...points, reading('air-01', 'centre', T0, 50, NOISE)]);
    expect(await ctx.store.readings(twoDays)).toEqual(points);
    expect(await ctx.store.readings({ ...twoDays, quantity: NOISE })).toEqual([
      reading('air-01', 'centre', T0, 50, NOISE),
    ]);
  });

  it('stores every reading of a large batch', async () => {
    const bulk = manyReadings(50, 1000);
    await ctx.store.write(bulk);
    const all = { quantity: PM25, from: T0, to: T0 + DAY };
    const sum = bulk.reduce((s, r) => s + r.value, 0);
    const [total] = await ctx.store.aggregate({ ...all, every: DAY, groupBy: 'none' });
    expect(total).toMatchObject({ bucket: T0, count: 50_000, sum });
    const back = await ctx.store.readings(all);
    expect(back).toHaveLength(50_000);
    expect(back[49_999]).toEqual(bulk.at(-1));
    expect(await ctx.store.latest()).toHaveLength(50);
  });
}

/** Bucketed aggregates against values computed here; time bounds. */
function describeAggregates(ctx: ContractContext): void {
  describe('aggregate', () => {
    const written = twoDaysOfReadings();
    beforeEach(async () => {
      await ctx.store.write(written);
    });

    it.each<[string, Partial<AggregateQuery>]>([
      ['1 h buckets per sensor', { every: HOUR, groupBy: 'sensor' }],
      ['1 h buckets of all sensors', { every: HOUR, groupBy: 'none' }],
      ['1 d buckets per sensor', { every: DAY, groupBy: 'sensor' }],
      ['1 d buckets of all sensors', { every: DAY, groupBy: 'none' }],
      ['a threshold', { every: HOUR, groupBy: 'sensor', threshold: 30 }],
    ])('matches count, sum, min and max computed here, with %s', async (_label, part) => {
      const query: AggregateQuery = { ...twoDays, every: HOUR, groupBy: 'none', ...part };
      const expected = expectedAggregate(written, query);
      expect(expected.length).toBeGreaterThan(1);
      expect(await ctx.store.aggregate(query)).toEqual(expected);
    });

    it('aligns buckets to the epoch, not to `from`', async () => {
      const query: AggregateQuery = {
        ...twoDays,
        from: T0 + 30 * MINUTE,
        to: T0 + 90 * MINUTE,
        every: HOUR,
        groupBy: 'none',
      };
      const rows = await ctx.store.aggregate(query);
      expect(rows.map((r) => r.bucket)).toEqual([T0, T0 + HOUR]);
      expect(rows).toEqual(expectedAggregate(written, query));
    });

    it('filters by sensor, by district, and by both', async () => {
      const queries: AggregateQuery[] = [
        { ...twoDays, every: HOUR, groupBy: 'sensor', sensorIds: ['air-01', 'air-03'] },
        { ...twoDays, every: HOUR, groupBy: 'sensor', districts: ['centre'] },
        { ...twoDays, every: DAY, groupBy: 'none', sensorIds: ['air-01', 'air-03'], districts: ['centre'] },
      ];
      const sensorsOf = (rows: readonly { sensorId?: string }[]): string[] => [
        ...new Set(rows.map((r) => r.sensorId ?? '')),
      ];
      const [bySensor, byDistrict, both] = await Promise.all(queries.map((q) => ctx.store.aggregate(q)));
      expect(sensorsOf(bySensor ?? []).sort()).toEqual(['air-01', 'air-03']);
      expect(sensorsOf(byDistrict ?? []).sort()).toEqual(['air-01', 'air-02']);
      expect(bySensor).toEqual(expectedAggregate(written, queries[0]!));
      expect(byDistrict).toEqual(expectedAggregate(written, queries[1]!));
      expect(both).toEqual(expectedAggregate(written, queries[2]!));
      expect(both?.reduce((n, r) => n + r.count, 0)).toBe(
        written.filter((r) => matches(r, queries[2]!)).length,
      );
    });
  });

  it('includes `from` and excludes `to`', async () => {
    const from = T0 + HOUR;
    const to = T0 + 2 * HOUR;
    await ctx.store.write(
      [from - 1, from, to - 1, to].map((ts, i) => reading('air-01', 'centre', ts, i + 1)),
    );
    const window = { quantity: PM25, from, to };
    expect((await ctx.store.readings(window)).map((r) => r.ts)).toEqual([from, to - 1]);
    expect(await ctx.store.aggregate({ ...window, every: HOUR, groupBy: 'sensor' })).toEqual([
      { bucket: from, sensorId: 'air-01', count: 2, sum: 5, min: 2, max: 3 },
    ]);
  });
}

/** Latest values, empty results, persistence. */
function describeQueries(ctx: ContractContext): void {
  it('returns the latest reading per sensor and quantity, whatever the order of writing', async () => {
    await ctx.store.write([
      reading('air-01', 'centre', T0 + 2 * HOUR, 12),
      reading('air-02', 'centre', T0 + HOUR, 21),
    ]);
    await ctx.store.write([
      reading('air-01', 'centre', T0 + HOUR, 11),
      reading('air-01', 'harbour', T0 + 3 * HOUR, 44, NOISE),
      reading('air-01', 'harbour', T0 + 4 * HOUR, 45, NOISE),
    ]);
    expect(sortLatest(await ctx.store.latest())).toEqual(
      sortLatest([
        { sensorId: 'air-01', quantity: PM25, district: 'centre', ts: T0 + 2 * HOUR, value: 12 },
        { sensorId: 'air-01', quantity: NOISE, district: 'harbour', ts: T0 + 4 * HOUR, value: 45 },
        { sensorId: 'air-02', quantity: PM25, district: 'centre', ts: T0 + HOUR, value: 21 },
      ]),
    );
    expect(await ctx.store.latest({ sensorIds: ['air-02'] })).toEqual([
      { sensorId: 'air-02', quantity: PM25, district: 'centre', ts: T0 + HOUR, value: 21 },
    ]);
  });

  it('returns empty results when nothing matches', async () => {
    const none = { ...twoDays, every: HOUR, groupBy: 'sensor' } as const;
    expect(await ctx.store.aggregate(none)).toEqual([]);
    expect(await ctx.store.readings(twoDays)).toEqual([]);
    expect(await ctx.store.latest()).toEqual([]);
    await ctx.store.write([reading('air-01', 'centre', T0, 1)]);
    expect(await ctx.store.aggregate({ ...none, sensorIds: ['nobody'] })).toEqual([]);
    expect(await ctx.store.aggregate({ ...none, sensorIds: [] })).toEqual([]);
    expect(await ctx.store.readings({ ...twoDays, districts: ['nowhere'] })).toEqual([]);
    expect(await ctx.store.readings({ ...twoDays, from: T0, to: T0 })).toEqual([]);
    expect(await ctx.store.latest({ sensorIds: ['nobody'] })).toEqual([]);
    await expect(ctx.store.write([])).resolves.toBeUndefined();
  });

  it('keeps the data across close and reopen', async () => {
    const first = ctx.fixtures[0]!;
    const written = twoDaysOfReadings();
    await ctx.store.write(written);
    await first.store.close();
    await expect(first.store.write([reading('air-01', 'centre', T0, 1)])).rejects.toThrow();
    const reopened = await ctx.open(first.location);
    const expected = written.filter((r) => matches(r, twoDays)).sort(byTimeThenSensor);
    expect(await reopened.store.readings(twoDays)).toEqual(expected);
  });
}
