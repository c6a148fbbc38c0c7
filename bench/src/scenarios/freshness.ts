import { randomBytes } from 'node:crypto';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { offer } from '../lib/broker-rate.js';
import { benchMosquitto } from '../lib/bench-mosquitto.js';
import { ownMemory } from '../lib/memory.js';
import { startPlatform, type BenchPlatform } from '../lib/platform.js';
import { sharedPlatform } from '../lib/platform-pool.js';
import { SseProbeThread } from '../lib/sse-probe-thread.js';
import { round } from '../lib/stats.js';
import { durations, SENSORS } from './settings.js';

const RATES = [10_000, 1_000] as const;

async function atRate(platform: BenchPlatform, probe: SseProbeThread, rate: number, context: BenchContext) {
  const d = durations(context);
  // Events of the warm-up are not counted: the first ticks carry the connection's start-up.
  const loadDone = offer({
    url: platform.mqttUrl,
    prefix: platform.prefix,
    qos: 0,
    sensors: SENSORS,
    rate,
    durationMs: d.freshnessWarmUpMs + d.freshnessMs,
    ackDrainMs: d.ackDrainMs,
  });
  const loadStart = Date.now();
  await new Promise((resolve) => setTimeout(resolve, d.freshnessWarmUpMs));
  // Events received from here on count, even for readings of the warm-up still in transit.
  probe.record(loadStart);
  const load = await loadDone;
  const { count, latency: s } = await probe.summary();
  const row: BenchRow = {
    'rate/s': rate,
    'achieved/s': Math.round(load.achievedRate),
    events: count,
    p50_ms: round(s?.p50 ?? NaN),
    p99_ms: round(s?.p99 ?? NaN),
    max_ms: round(s?.max ?? NaN),
  };
  context.log(`${rate}/s: p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms over ${row.events} events`);
  return row;
}

/**
 * Scenario 3: publish → SSE latency at a fixed rate. For every `sensor` event on /api/stream, the age
 * of the newest reading it carries (published with `ts` = now by this process).
 */
export const freshnessScenario: Scenario = {
  name: 'freshness',
  title: 'Freshness: publish → SSE sensor event',
  async prepare() {
    await sharedPlatform(SENSORS);
  },
  async run(context): Promise<ScenarioResult> {
    const platform = context.quick
      ? await sharedPlatform(SENSORS)
      : await startPlatform({
          sensors: SENSORS,
          mqttUrl: (await benchMosquitto()).url,
          topicPrefix: `bench-${randomBytes(4).toString('hex')}/`,
        });
    let probe: SseProbeThread | undefined;
    const rows: BenchRow[] = [];
    const memory: BenchRow[] = [];
    try {
      probe = await SseProbeThread.open(platform.httpUrl);
      // The summary's latency is the one at 10k/s: a quick run measures that rate only.
      for (const rate of context.quick ? RATES.slice(0, 1) : RATES)
        rows.push(await atRate(platform, probe, rate, context));
      memory.push({ ...(await platform.memory('platform')) }, { ...(await ownMemory()) });
    } finally {
      await probe?.close();
      if (!context.quick) await platform.stop();
    }
    const at10k = rows.find((r) => r['rate/s'] === 10_000);
    return {
      rows,
      memory,
      notes: [
        'a sensor change is sent at once, then at most every 100 ms (LiveCoalescer): the age of the newest reading an event carries',
        ...(context.quick
          ? [
              'quick: 10k/s only, 1.5 s counted after 0.5 s; the full run adds 1k/s and counts 15 s each after 1 s',
            ]
          : []),
      ],
      summary: { latency_p50_ms: Number(at10k?.p50_ms ?? NaN), latency_p99_ms: Number(at10k?.p99_ms ?? NaN) },
    };
  },
};
