import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { offer } from './broker-rate.js';
import { countPoints, influxQuery } from './influx-count.js';
import { peakRssMb, rssMb } from './memory.js';
import type { NodeRedInstall } from './node-red-install.js';
import { flowFor, settingsFor, type FlowKind } from './node-red-flows.js';
import { freePort, pollUntil, sleep, spawnChild } from './processes.js';

/** One Node-RED flow, started on its own InfluxDB database and subscribed, idle until a load comes. */
export interface NodeRedFlowOptions {
  readonly install: NodeRedInstall;
  readonly kind: FlowKind;
  readonly qos: 0 | 1;
  readonly influxUrl: string;
  readonly mqttUrl: string;
  readonly prefix: string;
}

export interface NodeRedRunOptions extends NodeRedFlowOptions {
  readonly sensors: number;
  readonly warmUpMs: number;
  readonly sustainMs: number;
  /** Longest wait for the points still in Node-RED after the load. @defaultValue 90000 */
  readonly drainMs?: number;
  /** How often the landed count is read while draining; steady across one interval = drained. @defaultValue 2000 */
  readonly drainPollMs?: number;
  /** Longest wait for the load generator's publishes in flight when the load stops. @defaultValue 10000 */
  readonly ackDrainMs?: number;
}

export interface NodeRedFlow {
  readonly options: NodeRedFlowOptions;
  readonly database: string;
  /** Points the subscription probe left in `database`, not counted as landed load. */
  readonly probePoints: number;
  readonly pid: number;
  stop(): Promise<void>;
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

async function spawnNodeRed(o: NodeRedFlowOptions, dir: string, database: string) {
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
  return child;
}

/**
 * "Connected to broker" is logged before the subscription is acknowledged: readings go to a probe
 * sensor until one lands in InfluxDB, so the load is offered only to a subscribed flow. Returns the
 * probe points once the count is steady (the batched flow flushes every second).
 */
async function awaitSubscription(o: NodeRedFlowOptions, database: string): Promise<number> {
  const count = () => countPoints(o.influxUrl, database);
  const probe = await connectAsync(o.mqttUrl, { reconnectPeriod: 0 });
  try {
    await pollUntil(
      'the Node-RED flow to store a probe reading',
      async () => {
        await probe.publishAsync(
          `${o.prefix}sensors/subscription-probe`,
          JSON.stringify({ pm25: 1, ts: Date.now() }),
        );
        return (await count()) > 0 ? true : undefined;
      },
      60_000,
      250,
    );
  } finally {
    await probe.endAsync();
  }
  let last = -1;
  return pollUntil(
    'the probe readings to land',
    async () => {
      const n = await count();
      const steady = n === last;
      last = n;
      return steady ? n : undefined;
    },
    10_000,
    1_100,
  );
}

/** Starts Node-RED with one flow, on a fresh database of the given InfluxDB, connected to the broker. */
export async function startNodeRedFlow(o: NodeRedFlowOptions): Promise<NodeRedFlow> {
  const dir = await mkdtemp(join(tmpdir(), 'ssc-bench-nodered-'));
  const database = `nodered_${o.kind.replace('-', '_')}_q${o.qos}_${Date.now()}`;
  try {
    await influxQuery(o.influxUrl, `CREATE DATABASE ${database}`);
    const child = await spawnNodeRed(o, dir, database);
    const probePoints = await awaitSubscription(o, database).catch(async (error: unknown) => {
      await child.stop();
      throw error;
    });
    return {
      options: o,
      database,
      probePoints,
      pid: child.pid,
      async stop() {
        await child.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

type LoadOptions = Pick<
  NodeRedRunOptions,
  'sensors' | 'warmUpMs' | 'sustainMs' | 'drainMs' | 'drainPollMs' | 'ackDrainMs'
>;

/**
 * One running flow under the same offered load as the platform: the rate of points landing in
 * InfluxDB between the end of warm-up and the end of the load, and what never landed.
 */
export async function measureNodeRed(flow: NodeRedFlow, o: LoadOptions): Promise<NodeRedRun> {
  const { influxUrl, mqttUrl, prefix, qos } = flow.options;
  const count = async () => (await countPoints(influxUrl, flow.database)) - flow.probePoints;
  const startedAt = performance.now();
  const loadDone = offer({
    url: mqttUrl,
    prefix,
    qos,
    sensors: o.sensors,
    durationMs: o.warmUpMs + o.sustainMs,
    ...(o.ackDrainMs === undefined ? {} : { ackDrainMs: o.ackDrainMs }),
  });
  await sleep(o.warmUpMs);
  const from = { at: performance.now(), n: await count() };
  await sleep(Math.max(0, o.sustainMs - 200));
  const to = { at: performance.now(), n: await count() };
  const load = await loadDone;
  let last = -1;
  let lastChangeAt = performance.now();
  const landed = await pollUntil(
    'Node-RED to drain',
    async () => {
      const n = await count();
      const steady = n === last;
      if (n !== last) lastChangeAt = performance.now();
      last = n;
      return steady ? n : undefined;
    },
    o.drainMs ?? 90_000,
    o.drainPollMs ?? 2_000,
  ).catch(() => last);
  return {
    sent: load.sent,
    landed,
    perSecond: Math.round(((to.n - from.n) * 1000) / (to.at - from.at)),
    overallPerSecond: Math.round((landed * 1000) / (lastChangeAt - startedAt)),
    lost: Math.max(0, load.sent - landed),
    rssMb: (await rssMb(flow.pid)) ?? Number.NaN,
    peakRssMb: (await peakRssMb(flow.pid)) ?? Number.NaN,
  };
}

/** Starts one flow, measures it under load and stops it. */
export async function runNodeRed(o: NodeRedRunOptions): Promise<NodeRedRun> {
  const flow = await startNodeRedFlow(o);
  try {
    return await measureNodeRed(flow, o);
  } finally {
    await flow.stop();
  }
}
