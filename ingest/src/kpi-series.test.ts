import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  computeKpiSeries,
  findKpiDefinition,
  QUANTITIES,
  type AggregateQuery,
  type AggregateRow,
  type KpiDefinition,
  type SeriesPoint,
  type Store,
  type StoredReading,
} from '@ssc-monitor/core';
import { DuckDbDatabase, IN_MEMORY } from './adapters/store/duckdb-database.js';
import { EmbeddedStore } from './adapters/store/embedded-store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 2, 1);
const DAYS = 6;
const END = T0 + DAYS * DAY;
const context = {
  timeZone: 'UTC',
  population: 1000,
  districtOf: () => 'centre',
  districtPopulation: () => undefined,
};

/** Three sensors every 10 minutes; values are multiples of 0.25, so sums are exact in any order. */
function readings(): StoredReading[] {
  const written: StoredReading[] = [];
  for (let s = 0; s < 3; s += 1) {
    for (let ts = T0 + s * 1000; ts < END; ts += 10 * MINUTE) {
      const value = (((ts - T0) / MINUTE + s * 7) % 160) / 4;
      written.push({ sensorId: `air-${s}`, quantity: QUANTITIES.pm25.id, district: 'centre', ts, value });
    }
  }
  return written;
}

/** The 24-hour mean ending at t, straight from the readings. */
function expectedMean(written: readonly StoredReading[], t: number): number | null {
  const inWindow = written.filter((r) => r.ts >= t - DAY && r.ts < t);
  return inWindow.length === 0 ? null : inWindow.reduce((sum, r) => sum + r.value, 0) / inWindow.length;
}

function expectMeans(points: readonly SeriesPoint[], written: readonly StoredReading[]): void {
  for (const { t, value } of points) {
    const expected = expectedMean(written, t);
    expect(expected, 'every window holds readings').not.toBeNull();
    expect(value, new Date(t).toISOString()).toBeCloseTo(expected!, 9);
  }
}

/** Records the aggregates a series asks for, on the real store. */
function recording(store: Store, asked: AggregateQuery[]): Store {
  return {
    ...store,
    aggregate: (query: AggregateQuery): Promise<AggregateRow[]> => {
      asked.push(query);
      return store.aggregate(query);
    },
  };
}

describe('KPI series over the embedded store', () => {
  const definition = findKpiDefinition('env.air.pm25') as KpiDefinition;
  let store: EmbeddedStore;
  let written: StoredReading[];

  beforeEach(async () => {
    // Raw readings of the first three days are gone after maintenance: only roll-ups hold them.
    store = new EmbeddedStore(new DuckDbDatabase({ dataDir: IN_MEMORY }), {
      rawRetentionMs: 3 * DAY,
      clock: { now: () => END },
    });
    await store.start();
    written = readings();
    await store.write(written);
    await store.maintain();
  });

  afterEach(async () => {
    await store.close();
  });

  it('reads hourly buckets for hourly points of a 24-hour KPI, exact past the raw retention', async () => {
    expect(definition.window).toMatchObject({ kind: 'rolling', ms: DAY });
    const asked: AggregateQuery[] = [];
    const query = { from: T0 + DAY, to: END, every: HOUR };
    const points = await computeKpiSeries(recording(store, asked), definition, context, query);
    expect(asked.map((q) => q.every)).toEqual([HOUR]);
    expect(points).toHaveLength(5 * 24 + 1);
    expectMeans(points, written);
  });

  it("applies the KPI's scope, as the live engine does", async () => {
    const query = { from: T0 + DAY, to: END, every: HOUR };
    const elsewhere = await computeKpiSeries(
      store,
      definition,
      { ...context, districts: ['harbour'] },
      query,
    );
    expect(elsewhere.map((p) => p.value)).toEqual(elsewhere.map(() => null));
    const here = await computeKpiSeries(store, definition, { ...context, districts: ['centre'] }, query);
    expectMeans(here, written);
  });

  it('keeps the engine buckets for points off the hour, within the raw retention', async () => {
    const asked: AggregateQuery[] = [];
    const query = { from: END - DAY + 15 * MINUTE, to: END, every: 45 * MINUTE };
    const points = await computeKpiSeries(recording(store, asked), definition, context, query);
    expect(asked.map((q) => q.every)).toEqual([15 * MINUTE]);
    expect(points.length).toBeGreaterThan(0);
    expectMeans(points, written);
  });
});
