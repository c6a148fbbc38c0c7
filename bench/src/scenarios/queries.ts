import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PLAN_FILE, loadPlanFile } from '@ssc-monitor/ingest';
import { createEmbeddedStorage } from '@ssc-monitor/ingest/store';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { ownMemory } from '../lib/memory.js';
import { BENCH_KPI, startPlatform, type BenchPlatform } from '../lib/platform.js';
import { prefillEmbeddedStore, type PrefillShape } from '../lib/prefill.js';
import { release, shared } from '../lib/shared-setup.js';
import { timeRuns, type Timing } from '../lib/timing.js';
import { durations, SENSORS } from './settings.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

async function fetchOk(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** The API caps a series at 5,000 points: a year of hours (8,760) is asked as two half-years, as a client must. */
function yearSeries(platform: BenchPlatform, end: number) {
  const middle = end - YEAR_MS / 2;
  const url = (from: number, to: number) =>
    `${platform.httpUrl}/api/kpis/${BENCH_KPI}/series?from=${from}&to=${to}&every=1h`;
  return async () => {
    await fetchOk(url(end - YEAR_MS, middle));
    await fetchOk(url(middle, end));
  };
}

async function storeQueries(dataDir: string, end: number, runs: number): Promise<BenchRow[]> {
  const storage = createEmbeddedStorage({ dataDir, rawRetentionMs: 30 * DAY_MS });
  await storage.start();
  try {
    const year = await timeRuns(runs, () =>
      storage.store.aggregate({
        quantity: 'pm25',
        from: end - YEAR_MS,
        to: end,
        every: HOUR_MS,
        groupBy: 'none',
      }),
    );
    const latest = await timeRuns(runs, () => storage.store.latest());
    return [
      { query: 'store: year of hourly city aggregate', ...year },
      { query: 'store: latest of every sensor', ...latest },
    ];
  } finally {
    await storage.close();
  }
}

async function apiQueries(platform: BenchPlatform, end: number, runs: number): Promise<BenchRow[]> {
  const rows: [string, Timing][] = [
    ['API: year of hourly KPI series (2 requests)', await timeRuns(runs, yearSeries(platform, end))],
    [
      'API: latest values of every sensor',
      await timeRuns(runs, () => fetchOk(`${platform.httpUrl}/api/sensors`)),
    ],
    ['API: the KPI list', await timeRuns(runs, () => fetchOk(`${platform.httpUrl}/api/kpis`))],
  ];
  return rows.map(([query, t]) => ({ query, ...t }));
}

function shapeFor(context: BenchContext, districts: readonly string[]): PrefillShape {
  const end = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  return context.quick
    ? { sensors: 20, minuteDays: 1, hourlyDays: 364, end, districts }
    : { sensors: SENSORS, minuteDays: 30, hourlyDays: 335, end, districts };
}

interface QueryStore {
  readonly scratch: string;
  readonly dataDir: string;
  readonly shape: PrefillShape;
  readonly counts: { readonly raw: number; readonly hourly: number };
}

const removeStore = (store: Pick<QueryStore, 'scratch'>) =>
  rm(store.scratch, { recursive: true, force: true });

async function buildStore(context: BenchContext): Promise<QueryStore> {
  const scratch = await mkdtemp(join(tmpdir(), 'ssc-bench-queries-'));
  const dataDir = join(scratch, 'data');
  try {
    const demo = await loadPlanFile(DEMO_PLAN_FILE);
    const shape = shapeFor(
      context,
      demo.city.districts.map((d) => d.id),
    );
    const started = Date.now();
    const counts = await prefillEmbeddedStore(dataDir, shape);
    context.log(
      `prefilled ${counts.raw.toLocaleString('en-US')} raw rows, ${counts.hourly.toLocaleString('en-US')} hourly roll-ups in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    return { scratch, dataDir, shape, counts };
  } catch (error) {
    await removeStore({ scratch });
    throw error;
  }
}

const STORE_KEY = 'query store';

/** A quick run builds the store with the other set-ups, before any measurement. */
function queryStore(context: BenchContext): Promise<QueryStore> {
  return context.quick ? shared(STORE_KEY, () => buildStore(context), removeStore) : buildStore(context);
}

/**
 * Scenario 4: query times with the embedded store holding 30 days × 1,000 sensors of minute data
 * and a year of hourly roll-ups, in-process on the store and through the platform's API.
 */
export const queriesScenario: Scenario = {
  name: 'queries',
  title: 'Queries: year of hourly series, latest values, KPI list',
  async prepare(context) {
    await queryStore(context);
  },
  async run(context): Promise<ScenarioResult> {
    const store = await queryStore(context);
    const { dataDir, shape, counts } = store;
    const runs = durations(context).queryRuns;
    try {
      const rows = await storeQueries(dataDir, shape.end, runs);
      const memory: BenchRow[] = [];
      const notes: string[] = [];
      // Quick runs time the store only: a platform restoring its KPI state from this store takes
      // 10 s or more to start here.
      if (!context.quick) {
        const startAt = Date.now();
        const platform = await startPlatform({
          sensors: shape.sensors,
          dataDir,
          extraEnv: { RAW_RETENTION: `${shape.minuteDays}d` },
        });
        const startS = Math.round((Date.now() - startAt) / 100) / 10;
        notes.push(`platform start on that store (KPI state restored from it): ${startS} s`);
        try {
          rows.push(...(await apiQueries(platform, shape.end, runs)));
          memory.push({ ...(await platform.memory('platform (prefilled store)')) });
        } finally {
          await platform.stop();
        }
      }
      memory.push({ ...(await ownMemory()) });
      for (const row of rows) context.log(`${row.query}: p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms`);
      const figure = (prefix: string, key: string) =>
        Number(rows.find((r) => String(r.query).startsWith(prefix))?.[key] ?? NaN);
      return {
        rows,
        memory,
        notes: [
          `store: ${shape.sensors} sensors, ${shape.minuteDays} days of minute data (${counts.raw.toLocaleString('en-US')} raw rows) and ${shape.hourlyDays + shape.minuteDays} days of hourly roll-ups (${counts.hourly.toLocaleString('en-US')} rows)`,
          ...notes,
          ...(context.quick
            ? [
                'quick: a reduced store (20 sensors, 1 day of minute data) and no API timings; the full run holds 1,000 sensors × 30 days',
              ]
            : []),
        ],
        summary: {
          // The store's aggregate behind the city series; the API's two requests are reported beside it.
          query_year_hourly_ms: figure('store: year', 'p50_ms'),
          query_year_hourly_p99_ms: figure('store: year', 'p99_ms'),
          api_year_hourly_ms: figure('API: year', 'p50_ms'),
        },
      };
    } finally {
      if (context.quick) await release(STORE_KEY);
      else await removeStore(store);
    }
  },
};
