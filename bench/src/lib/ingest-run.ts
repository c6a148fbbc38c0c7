import type { LoadSummary } from '@ssc-monitor/simulators';
import { offer } from './broker-rate.js';
import type { MemoryFigures } from './memory.js';
import type { BenchPlatform } from './platform.js';
import { pollUntil, sleep } from './processes.js';

/** What one ingest run landed: readings stored and counted by the KPI engine, per second, sustained. */
export interface IngestRun {
  readonly sent: number;
  /** Readings durably stored and in KPI state per second between the end of warm-up and the end of the load. */
  readonly perSecond: number;
  readonly storedPerSecond: number;
  readonly kpiPerSecond: number;
  /** Readings stored per second from the first publish until the last of them was stored (drain included). */
  readonly overallPerSecond: number;
  /** Readings published that never reached the platform (dropped by the broker or the network). */
  readonly lost: number;
  /** Readings received but not yet stored when the bench stopped waiting (`drainMs`). */
  readonly unstored: number;
  /**
   * Share of the counted window (0–1) that the load was still running: under overload the platform
   * answers its API late, and a window that starts late can fall after the load.
   */
  readonly underLoadShare: number;
  readonly load: LoadSummary;
  /** The platform's memory at the end of the sustained load, before it drained. */
  readonly memoryUnderLoad: MemoryFigures;
}

interface Mark {
  readonly at: number;
  readonly stored: number;
  readonly readings: number;
  readonly kpi: number;
}

async function mark(platform: BenchPlatform): Promise<Mark> {
  const [counters, kpi] = await Promise.all([platform.counters(), platform.kpiReadings()]);
  return { at: performance.now(), stored: counters.stored, readings: counters.readings, kpi };
}

/**
 * Offers the load for warm-up + `sustainMs` and counts, through the platform's own API, readings that
 * are both durably stored (`/api/health` `stored`) and reflected in KPI state (the bench KPI's
 * reading count) during the sustained part.
 */
export async function runIngest(
  platform: BenchPlatform,
  o: {
    qos: 0 | 1;
    sensors: number;
    warmUpMs: number;
    sustainMs: number;
    /** Longest wait for the platform to store its backlog after the load. */
    drainMs: number;
    /** Longest wait for the load generator's own publishes in flight when the load stops. */
    ackDrainMs: number;
    rate?: number;
    /** Progress of the run's phases (warm-up, sustained window, drain). */
    log?: (line: string) => void;
  },
): Promise<IngestRun> {
  const log = o.log ?? (() => undefined);
  const before = await mark(platform);
  const startedAt = performance.now();
  const loadDone = offer({
    url: platform.mqttUrl,
    prefix: platform.prefix,
    qos: o.qos,
    sensors: o.sensors,
    durationMs: o.warmUpMs + o.sustainMs,
    ackDrainMs: o.ackDrainMs,
    ...(o.rate === undefined ? {} : { rate: o.rate }),
  });
  await sleep(o.warmUpMs);
  const from = await mark(platform);
  await sleep(Math.max(0, o.sustainMs - (performance.now() - from.at)));
  const [to, memoryUnderLoad] = await Promise.all([
    mark(platform),
    platform.memory(`platform under QoS ${o.qos} load`),
  ]);
  const loadEndsAt = startedAt + o.warmUpMs + o.sustainMs;
  const underLoadShare = Math.max(0, Math.min(to.at, loadEndsAt) - from.at) / (to.at - from.at);
  log(
    `QoS ${o.qos}: counted over ${Math.round(to.at - from.at)} ms, ${Math.round(underLoadShare * 100)} % of it under load`,
  );
  const load = await loadDone;
  // Drained: nothing pending and the stored count steady, or gave up after `drainMs`.
  let last = -1;
  let lastChangeAt = performance.now();
  const drained = await pollUntil(
    'the platform to drain',
    async () => {
      const c = await platform.counters();
      const steady = c.pending === 0 && c.stored === last;
      if (c.stored !== last) lastChangeAt = performance.now();
      last = c.stored;
      return steady ? c : undefined;
    },
    o.drainMs,
    500,
  ).catch(() => platform.counters());
  log(`QoS ${o.qos}: load stopped, ${drained.pending} readings pending after the drain wait`);
  const seconds = (to.at - from.at) / 1000;
  const storedPerSecond = (to.stored - from.stored) / seconds;
  const kpiPerSecond = (to.kpi - from.kpi) / seconds;
  return {
    sent: load.sent,
    perSecond: Math.round(Math.min(storedPerSecond, kpiPerSecond)),
    storedPerSecond: Math.round(storedPerSecond),
    kpiPerSecond: Math.round(kpiPerSecond),
    overallPerSecond: Math.round(((drained.stored - before.stored) * 1000) / (lastChangeAt - startedAt)),
    lost: Math.max(0, load.sent - (drained.readings - before.readings)),
    unstored: Math.max(0, drained.readings - before.readings - (drained.stored - before.stored)),
    underLoadShare,
    load,
    memoryUnderLoad,
  };
}
