import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CalendarSource,
  measureKpi,
  periodStart,
  type Formula,
  type KpiDefinition,
  type Reading,
  type SpatialAggregation,
} from '@ssc-monitor/core';
import { createEmbeddedStorage, type EmbeddedStorage } from '@ssc-monitor/ingest/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The streaming engine's value must equal a batch recomputation from the store, for every formula kind. */
const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1) - 8 * HOUR; // 2026-01-01 00:00 local
const SENSORS = ['s1', 's2', 's3'];
const DISTRICT = { s1: 'a', s2: 'a', s3: 'b' } as Record<string, string>;
const spatialContext = {
  districtOf: (id: string) => DISTRICT[id] ?? 'unassigned',
  districtPopulation: (d: string) => (d === 'a' ? 1000 : 3000),
};

const formulas: Array<[string, Formula, SpatialAggregation?]> = [
  ['mean pooled', { kind: 'mean', quantity: 'pm25' }],
  ['mean of stations', { kind: 'mean', quantity: 'pm25' }, 'stations'],
  ['mean of districts', { kind: 'mean', quantity: 'pm25' }, 'districts'],
  ['mean population-weighted', { kind: 'mean', quantity: 'pm25' }, 'population_weighted'],
  ['sum', { kind: 'sum', quantity: 'cycling_count' }],
  ['min', { kind: 'min', quantity: 'pm25' }],
  ['max', { kind: 'max', quantity: 'pm25' }],
  ['share above', { kind: 'share_above', quantity: 'pm25', threshold: 50 }],
  ['share below', { kind: 'share_below', quantity: 'pm25', threshold: 50 }],
  ['ratio', { kind: 'ratio', numerator: 'pv_kwh', denominator: 'energy_kwh', scale: 100 }],
  ['per capita per day', { kind: 'per_capita', quantity: 'water_m3', scale: 1000, perDay: true }],
  ['median of daily means', { kind: 'median', quantity: 'pm25', day: 'mean' }, 'stations'],
  ['percentile of daily maxima', { kind: 'percentile', quantity: 'pm25', day: 'max', p: 90 }, 'stations'],
  ['days above', { kind: 'count_days_above', quantity: 'pm25', day: 'mean', threshold: 40 }, 'stations'],
  ['change rate', { kind: 'change_rate', of: { kind: 'sum', quantity: 'cycling_count' } }],
];

const definition = (formula: Formula, spatial?: SpatialAggregation): KpiDefinition => ({
  id: 'test',
  name: 'test',
  reference: '',
  dimension: 'Environment',
  subDimension: '',
  unit: '',
  direction: 'lower_is_better',
  window: { kind: 'calendar', unit: 'year' },
  formula,
  description: '',
  ...(spatial ? { spatial } : {}),
  coverage: { minHoursPerDay: 2, minShare: 0 },
});

const readingArb = fc.record({
  sensorId: fc.constantFrom(...SENSORS),
  quantity: fc.constantFrom(
    'pm25' as const,
    'cycling_count' as const,
    'pv_kwh' as const,
    'energy_kwh' as const,
    'water_m3' as const,
  ),
  value: fc.integer({ min: 0, max: 100 }),
  // Ten days either side of new year: the previous year feeds change_rate, the current one the rest.
  ts: fc.integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 }).map((m) => T0 + m * 60_000),
});

let storage: EmbeddedStorage;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-prop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(formulas)('streaming equals batch: %s', (_name, formula, spatial) => {
  it('for shuffled, duplicated and late readings', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(readingArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 30 }),
        async (base, dups) => {
          run += 1;
          storage = createEmbeddedStorage({ dataDir: join(dir, `${_name.replace(/\W/g, '-')}-${run}`) });
          await storage.start();
          try {
            const def = definition(formula, spatial);
            const stream: Reading[] = [...base, ...base.slice(0, dups)];
            const source = new CalendarSource({
              definition: def,
              timeZone: TZ,
              population: 4000,
              spatial: spatialContext,
              dedupHorizonMs: 1e12,
            });
            for (const reading of stream) source.add(reading);
            const now = Math.max(...stream.map((r) => r.ts));
            const streamed = source.current(now);
            // The batch side: the store keeps the last write of each point, as MQTT redelivery would.
            await storage.store.write(
              stream.map((r) => ({ ...r, district: DISTRICT[r.sensorId] ?? 'unassigned' })),
            );
            if (streamed.period === null) return;
            const batch = await measureKpi(storage.store, def, {
              ...spatialContext,
              timeZone: TZ,
              population: 4000,
              from: streamed.period.from,
              to: streamed.period.to,
            });
            expect(streamed.period.from).toBe(periodStart(streamed.period.from, 'year'));
            if (batch.value === null || streamed.value === null) expect(streamed.value).toBe(batch.value);
            else expect(streamed.value).toBeCloseTo(batch.value, 9);
            if (formula.kind !== 'change_rate') expect(streamed.coverage).toBeCloseTo(batch.coverage, 9);
          } finally {
            await storage.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
