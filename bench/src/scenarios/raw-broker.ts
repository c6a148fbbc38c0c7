import { randomBytes } from 'node:crypto';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { MACHINE_MOSQUITTO_URL, mosquittoPid, startAedes } from '../lib/brokers.js';
import { measureRawRate } from '../lib/broker-rate.js';
import { ownMemory, peakRssMb, rssMb } from '../lib/memory.js';
import { durations, SENSORS } from './settings.js';

async function rate(url: string, broker: string, qos: 0 | 1, context: BenchContext): Promise<BenchRow> {
  const prefix = `bench-${randomBytes(4).toString('hex')}/`;
  const d = durations(context);
  const r = await measureRawRate({
    url,
    prefix,
    qos,
    sensors: SENSORS,
    warmUpMs: d.warmUpMs,
    durationMs: d.rawMs,
    ackDrainMs: d.ackDrainMs,
  });
  context.log(`${broker} QoS ${qos}: ${r.perSecond.toLocaleString('en-US')} msg/s (${r.lost} lost)`);
  return { broker, qos, 'msg/s': r.perSecond, sent: r.sent, received: r.received, lost: r.lost };
}

/**
 * Scenario 1: the physical limit of the MQTT hop here. An `mqtt` publisher and subscriber through
 * the machine's Mosquitto and through the embedded broker (aedes, in its own process), at QoS 0 and
 * 1, with the same readings and in-flight window as the ingest scenario.
 */
export const rawBrokerScenario: Scenario = {
  name: 'raw-broker',
  title: 'Raw broker rate: mqtt publisher → subscriber',
  async run(context): Promise<ScenarioResult> {
    const rows: BenchRow[] = [];
    const memory: BenchRow[] = [];
    for (const qos of [0, 1] as const)
      rows.push(await rate(MACHINE_MOSQUITTO_URL, 'mosquitto', qos, context));
    const pid = mosquittoPid();
    if (pid !== undefined)
      memory.push({
        process: 'mosquitto',
        rss_mb: (await rssMb(pid)) ?? NaN,
        peak_rss_mb: (await peakRssMb(pid)) ?? NaN,
      });
    const notes: string[] = [];
    if (context.quick) notes.push('quick: the embedded broker (aedes) is measured by the full run only');
    else {
      const aedes = await startAedes();
      try {
        for (const qos of [0, 1] as const) rows.push(await rate(aedes.url, 'aedes (embedded)', qos, context));
        memory.push({ process: 'aedes', rss_mb: (await rssMb(aedes.process.pid)) ?? NaN });
      } finally {
        await aedes.process.stop();
      }
    }
    memory.push({ ...(await ownMemory()) });
    const mosquitto = (qos: number) => rows.find((r) => r.broker === 'mosquitto' && r.qos === qos)?.['msg/s'];
    return {
      rows,
      memory,
      notes,
      summary: {
        raw_qos0_per_s: Number(mosquitto(0) ?? NaN),
        raw_qos1_per_s: Number(mosquitto(1) ?? NaN),
      },
    };
  },
};
