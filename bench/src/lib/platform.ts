import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PLAN_FILE, loadPlanFile } from '@ssc-monitor/ingest';
import { BUNDLE_NODE_FLAGS, bundlePath } from './bundles.js';
import { MEMORY_REQUEST } from './heap-probe.js';
import { peakRssMb, rssMb, toMb, type MemoryFigures } from './memory.js';
import { freePort, pollUntil, spawnChild, type BenchChild } from './processes.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/** The city KPI whose reading count tells that readings reached KPI state. */
export const BENCH_KPI = 'env.air.pm25';

/** Sensor ids as the load generator names them (`load-0001`, …). */
export function loadSensorIds(count: number): string[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => `load-${String(i + 1).padStart(width, '0')}`);
}

/** The demo plan with `sensors` air-quality sensors spread over its districts; JSON is valid YAML. */
export async function writeBenchPlan(dir: string, sensors: number): Promise<string> {
  const demo = await loadPlanFile(DEMO_PLAN_FILE);
  const districts = demo.city.districts.map((d) => d.id);
  const list = loadSensorIds(sensors).map((id, i) => ({
    id,
    district: districts[i % districts.length] ?? 'centre',
    kind: 'air_quality',
    lat: 59.9 + (i % 50) / 1000,
    lon: 10.72 + Math.floor(i / 50) / 1000,
  }));
  const file = join(dir, 'plan.yaml');
  await writeFile(file, JSON.stringify({ ...demo, sensors: list }, null, 1));
  return file;
}

export interface PlatformOptions {
  readonly sensors: number;
  /** External broker; the embedded aedes broker on a free port when absent. */
  readonly mqttUrl?: string;
  readonly topicPrefix?: string;
  /** InfluxDB 1.x base URL for STORE=influx; the embedded store when absent. */
  readonly influxUrl?: string;
  /** An existing DATA_DIR (e.g. a prefilled store); a fresh temp folder when absent. */
  readonly dataDir?: string;
  readonly extraEnv?: Readonly<Record<string, string>>;
  /** Folder for a V8 CPU profile written at exit (`--cpu-prof`). */
  readonly cpuProfDir?: string;
}

export interface HealthCounters {
  readonly messages: number;
  readonly readings: number;
  readonly stored: number;
  readonly rejected: number;
  readonly pending: number;
}

/** The platform under test: ingest/src/main.ts, bundled (the same code `npm start` runs). */
export interface BenchPlatform {
  readonly httpUrl: string;
  /** Where load generators publish. */
  readonly mqttUrl: string;
  readonly prefix: string;
  readonly process: BenchChild;
  counters(): Promise<HealthCounters>;
  /** Readings in the rolling window of BENCH_KPI, as the API reports its current value. */
  kpiReadings(): Promise<number>;
  memory(label: string): Promise<MemoryFigures>;
  /** Graceful (SIGTERM: the store is flushed), or `SIGKILL` to discard a backlog nobody reads. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  return response.json() as Promise<unknown>;
}

function heapOf(child: BenchChild): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(undefined), 2_000);
    const onMessage = (message: unknown) => {
      const m = message as { type?: unknown; usage?: { heapUsed?: unknown } };
      if (m.type === MEMORY_REQUEST && typeof m.usage?.heapUsed === 'number') finish(m.usage.heapUsed);
    };
    const finish = (value: number | undefined) => {
      clearTimeout(timer);
      child.child.off('message', onMessage);
      resolve(value);
    };
    child.child.on('message', onMessage);
    // With a callback a closed channel (the platform has died) is reported here, not as an
    // 'error' event that would end the bench instead of the scenario.
    if (!child.child.connected) finish(undefined);
    else child.child.send?.(MEMORY_REQUEST, (error) => error && finish(undefined));
  });
}

export async function startPlatform(o: PlatformOptions): Promise<BenchPlatform> {
  const scratch = await mkdtemp(join(tmpdir(), 'ssc-bench-'));
  const dataDir = o.dataDir ?? join(scratch, 'data');
  const port = await freePort();
  const mqttPort = await freePort();
  const prefix = o.topicPrefix ?? '';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'warn',
    DEMO: 'off',
    // The bench reads the public routes (KPIs, sensors, series, the live stream) like a citizen
    // dashboard, without a key, and polls faster than the default rate limit allows.
    PUBLIC_DASHBOARD: 'true',
    API_RATE_LIMIT: '1000000',
    PLAN_FILE: await writeBenchPlan(scratch, o.sensors),
    PORT: String(port),
    HOST: '127.0.0.1',
    MQTT_PORT: String(mqttPort),
    MQTT_TOPIC_PREFIX: prefix,
    DATA_DIR: dataDir,
    ...(o.mqttUrl ? { MQTT_URL: o.mqttUrl } : {}),
    ...(o.influxUrl ? { STORE: 'influx', INFLUX_URL: o.influxUrl, INFLUX_BUCKET: 'ssc' } : {}),
    ...o.extraEnv,
  };
  const args = [...BUNDLE_NODE_FLAGS, '--import', bundlePath('heap-probe')];
  if (o.cpuProfDir) args.push('--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`);
  args.push(bundlePath('platform'));
  const child = spawnChild('platform', process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  const stop = async (signal?: NodeJS.Signals) => {
    await child.stop(signal);
    await rm(scratch, { recursive: true, force: true });
  };
  const counters = async (): Promise<HealthCounters> => {
    const health = (await getJson(`${httpUrl}/api/health`)) as { ingest: HealthCounters };
    return health.ingest;
  };
  try {
    await pollUntil(
      'the platform to answer /api/health with its broker connected',
      async () => {
        if (child.child.exitCode !== null) throw new Error(`platform exited:\n${child.output()}`);
        const health = (await getJson(`${httpUrl}/api/health`)) as { broker?: { connected?: boolean } };
        return health.broker?.connected === true ? true : undefined;
      },
      START_TIMEOUT_MS,
      200,
    );
  } catch (error) {
    const output = child.output();
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return {
    httpUrl,
    mqttUrl: o.mqttUrl ?? `mqtt://127.0.0.1:${mqttPort}`,
    prefix,
    process: child,
    counters,
    async kpiReadings() {
      // The list is served from memory; the detail route also computes a 90-day trend from the store.
      const list = (await getJson(`${httpUrl}/api/kpis`)) as {
        kpis: { id: string; current: { readings: number } }[];
      };
      const kpi = list.kpis.find((k) => k.id === BENCH_KPI);
      if (kpi === undefined) throw new Error(`${BENCH_KPI} is not in the bench plan`);
      return kpi.current.readings;
    },
    async memory(label) {
      const heap = await heapOf(child);
      return {
        process: label,
        rss_mb: await rssMb(child.pid),
        peak_rss_mb: await peakRssMb(child.pid),
        ...(heap === undefined ? {} : { heap_used_mb: toMb(heap) }),
      };
    },
    stop,
  };
}
