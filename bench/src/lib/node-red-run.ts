import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offer } from './broker-rate.js';
import { countPoints, influxQuery } from './influx-count.js';
import { peakRssMb, rssMb } from './memory.js';
import type { NodeRedInstall } from './node-red-install.js';
import { flowFor, settingsFor, type FlowKind } from './node-red-flows.js';
import { freePort, pollUntil, sleep, spawnChild } from './processes.js';

export interface NodeRedRunOptions {
  readonly install: NodeRedInstall;
  readonly kind: FlowKind;
  readonly qos: 0 | 1;
  readonly influxUrl: string;
  readonly mqttUrl: string;
  readonly prefix: string;
  readonly sensors: number;
  readonly warmUpMs: number;
  readonly sustainMs: number;
}

export interface NodeRedRun {
  readonly sent: number;
  readonly landed: number;
  readonly perSecond: number;
  /** Points landed per second from the first publish until the last of them landed (drain included). */
  readonly overallPerSecond: number;
  readonly lost: number;
  readonly rssMb: number;
  readonly peakRssMb: number;
}

async function startNodeRed(o: NodeRedRunOptions, dir: string, database: string) {
  const mqtt = new URL(o.mqttUrl);
  const flowFile = join(dir, 'flows.json');
  const flow = flowFor(o.kind, {
    topic: `${o.prefix}sensors/+`,
    qos: o.qos,
    mqttPort: Number(mqtt.port),
    influxPort: Number(new URL(o.influxUrl).port),
    database,
  });
  await writeFile(flowFile, JSON.stringify(flow));
  await writeFile(join(dir, 'settings.js'), settingsFor(await freePort(), flowFile));
  const child = spawnChild(
    'node-red',
    o.install.node,
    [o.install.redJs, '--userDir', dir, '--settings', join(dir, 'settings.js')],
    {
      cwd: o.install.dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    },
  );
  await pollUntil(
    'Node-RED to connect to the broker',
    () => {
      if (child.child.exitCode !== null) throw new Error(`Node-RED exited:\n${child.output()}`);
      return child.output().includes('Connected to broker') ? true : undefined;
    },
    90_000,
  ).catch(async (error: unknown) => {
    await child.stop();
    throw new Error(`${(error as Error).message}\n${child.output().slice(-2000)}`, { cause: error });
  });
  // "Connected" is logged before the subscription is acknowledged; give it a moment.
  await sleep(1_000);
  return child;
}

/**
 * One Node-RED flow under the same offered load as the platform: the rate of points landing in
 * InfluxDB between the end of warm-up and the end of the load, and what never landed.
 */
export async function runNodeRed(o: NodeRedRunOptions): Promise<NodeRedRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ssc-bench-nodered-'));
  const database = `nodered_${o.kind.replace('-', '_')}_q${o.qos}_${Date.now()}`;
  await influxQuery(o.influxUrl, `CREATE DATABASE ${database}`);
  const child = await startNodeRed(o, dir, database);
  try {
    const startedAt = performance.now();
    const loadDone = offer({
      url: o.mqttUrl,
      prefix: o.prefix,
      qos: o.qos,
      sensors: o.sensors,
      durationMs: o.warmUpMs + o.sustainMs,
    });
    await sleep(o.warmUpMs);
    const from = { at: performance.now(), n: await countPoints(o.influxUrl, database) };
    await sleep(Math.max(0, o.sustainMs - 200));
    const to = { at: performance.now(), n: await countPoints(o.influxUrl, database) };
    const load = await loadDone;
    let last = -1;
    let lastChangeAt = performance.now();
    const landed = await pollUntil(
      'Node-RED to drain',
      async () => {
        const n = await countPoints(o.influxUrl, database);
        const steady = n === last;
        if (n !== last) lastChangeAt = performance.now();
        last = n;
        return steady ? n : undefined;
      },
      90_000,
      2_000,
    ).catch(() => last);
    return {
      sent: load.sent,
      landed,
      perSecond: Math.round(((to.n - from.n) * 1000) / (to.at - from.at)),
      overallPerSecond: Math.round((landed * 1000) / (lastChangeAt - startedAt)),
      lost: Math.max(0, load.sent - landed),
      rssMb: (await rssMb(child.pid)) ?? Number.NaN,
      peakRssMb: (await peakRssMb(child.pid)) ?? Number.NaN,
    };
  } finally {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
