import { randomBytes } from 'node:crypto';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { benchMosquitto } from '../lib/bench-mosquitto.js';
import { startAedes } from '../lib/brokers.js';
import { measureRawRate } from '../lib/broker-rate.js';
import { ownMemory, peakRssMb, rssMb } from '../lib/memory.js';
import { durations, SENSORS } from './settings.js';

const QUICK_NOTE =
  'quick: Mosquitto only (the broker every ingest figure goes through), each pass counting 0.7 s after a 0.3 s warm-up; the full run adds the embedded broker (aedes) and counts 10 s after 5 s';

async function rate(url: string, broker: string, qos: 0 | 1, context: BenchContext): Promise<BenchRow> {
  const prefix = `bench-${randomBytes(4).toString('hex')}/`;
  const d = durations(context);
  const r = await measureRawRate({
    url,
    prefix,
    qos,
    sensors: SENSORS,
    warmUpMs: d.rawWarmUpMs,
    durationMs: d.rawMs,
    ackDrainMs: d.ackDrainMs,
  });
  context.log(`${broker} QoS ${qos}: ${r.perSecond.toLocaleString('en-US')} msg/s (${r.lost} lost)`);
  return { broker, qos, 'msg/s': r.perSecond, sent: r.sent, received: r.received, lost: r.lost };
}

/** The embedded broker's passes, in its own process (full runs: no quick figure is derived from it). */
async function aedesRows(context: BenchContext, memory: BenchRow[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const aedes = await startAedes();
  try {
    for (const qos of [0, 1] as const) rows.push(await rate(aedes.url, 'aedes (embedded)', qos, context));
    memory.push({
      process: 'aedes',
      rss_mb: (await rssMb(aedes.process.pid)) ?? NaN,
      peak_rss_mb: (await peakRssMb(aedes.process.pid)) ?? NaN,
    });
  } finally {
    await aedes.process.stop();
  }
  return rows;
}

/**
 * Scenario 1: the physical limit of the MQTT hop here. An `mqtt` publisher and subscriber through
 * the bench's Mosquitto (production delivery settings) and through the embedded broker (aedes, in its own process), at QoS 0 and
 * 1, with the same readings and in-flight window as the ingest scenario.
 */
export const rawBrokerScenario: Scenario = {
  name: 'raw-broker',
  title: 'Raw broker rate: mqtt publisher → subscriber',
  async prepare() {
    await benchMosquitto();
  },
  async run(context): Promise<ScenarioResult> {
    const rows: BenchRow[] = [];
    const memory: BenchRow[] = [];
    const mosquitto = await benchMosquitto();
    for (const qos of [0, 1] as const) rows.push(await rate(mosquitto.url, 'mosquitto', qos, context));
    memory.push({
      process: 'mosquitto (bench broker)',
      rss_mb: (await rssMb(mosquitto.process.pid)) ?? NaN,
      peak_rss_mb: (await peakRssMb(mosquitto.process.pid)) ?? NaN,
    });
    if (!context.quick) rows.push(...(await aedesRows(context, memory)));
    const notes = context.quick ? [QUICK_NOTE] : [];
    memory.push({ ...(await ownMemory()) });
    const mosquittoRate = (qos: number) =>
      rows.find((r) => r.broker === 'mosquitto' && r.qos === qos)?.['msg/s'];
    return {
      rows,
      memory,
      notes,
      summary: {
        raw_qos0_per_s: Number(mosquittoRate(0) ?? NaN),
        raw_qos1_per_s: Number(mosquittoRate(1) ?? NaN),
      },
    };
  },
};
