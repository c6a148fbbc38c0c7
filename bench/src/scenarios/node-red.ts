import { randomBytes } from 'node:crypto';
import { startInfluxServer, type InfluxServer } from '../../../test/helpers/influxdb.js';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { MACHINE_MOSQUITTO_URL } from '../lib/brokers.js';
import { runIngest } from '../lib/ingest-run.js';
import {
  installedNodeRed,
  installNodeRed,
  nodeRedVersions,
  type NodeRedInstall,
} from '../lib/node-red-install.js';
import type { FlowKind } from '../lib/node-red-flows.js';
import { runNodeRed } from '../lib/node-red-run.js';
import { startPlatform } from '../lib/platform.js';
import { ratio } from '../lib/stats.js';
import { durations, SENSORS } from './settings.js';

const QUICK_SKIP =
  'skipped in --quick: Node-RED, its InfluxDB and a platform take ~40 s to start and drain here; `npm run bench -- --only node-red` runs it';

const prefix = () => `bench-${randomBytes(4).toString('hex')}/`;
const lostPct = (lost: number, sent: number) => (sent === 0 ? NaN : Math.round((lost / sent) * 1000) / 10);

async function nodeRedRows(
  install: NodeRedInstall,
  influx: InfluxServer,
  context: BenchContext,
): Promise<BenchRow[]> {
  const d = durations(context);
  const runs: [FlowKind, 0 | 1][] = context.quick
    ? [['batched', 0]]
    : [
        ['per-point', 0],
        ['per-point', 1],
        ['batched', 0],
        ['batched', 1],
      ];
  const rows: BenchRow[] = [];
  for (const [kind, qos] of runs) {
    const sustainMs = context.quick ? 3_000 : d.ingestMs;
    const r = await runNodeRed({
      install,
      kind,
      qos,
      influxUrl: influx.url,
      mqttUrl: MACHINE_MOSQUITTO_URL,
      prefix: prefix(),
      sensors: SENSORS,
      warmUpMs: d.warmUpMs,
      sustainMs,
    });
    context.log(
      `Node-RED ${kind} QoS ${qos}: ${r.perSecond.toLocaleString('en-US')} points/s, ${lostPct(r.lost, r.sent)} % lost`,
    );
    rows.push({
      system: `Node-RED, ${kind}`,
      qos,
      'points/s': r.perSecond,
      'overall/s': r.overallPerSecond,
      sent: r.sent,
      landed: r.landed,
      lost: r.lost,
      'lost %': lostPct(r.lost, r.sent),
      rss_mb: r.rssMb,
      peak_rss_mb: r.peakRssMb,
    });
  }
  return rows;
}

async function platformRows(influx: InfluxServer, context: BenchContext): Promise<BenchRow[]> {
  const d = durations(context);
  const platform = await startPlatform({
    sensors: SENSORS,
    mqttUrl: MACHINE_MOSQUITTO_URL,
    topicPrefix: prefix(),
    influxUrl: influx.url,
  });
  const rows: BenchRow[] = [];
  try {
    for (const qos of context.quick ? ([0] as const) : ([0, 1] as const)) {
      const r = await runIngest(platform, {
        qos,
        sensors: SENSORS,
        warmUpMs: d.warmUpMs,
        sustainMs: context.quick ? 3_000 : d.ingestMs,
        drainMs: d.drainMs,
      });
      const mem = await platform.memory('platform');
      context.log(
        `ssc-monitor (InfluxDB) QoS ${qos}: ${r.perSecond.toLocaleString('en-US')} readings/s, ${lostPct(r.lost, r.sent)} % lost`,
      );
      rows.push({
        system: 'ssc-monitor, STORE=influx',
        qos,
        'points/s': r.perSecond,
        'overall/s': r.overallPerSecond,
        sent: r.sent,
        landed: r.sent - r.lost,
        lost: r.lost,
        'lost %': lostPct(r.lost, r.sent),
        rss_mb: mem.rss_mb ?? NaN,
        peak_rss_mb: mem.peak_rss_mb ?? NaN,
      });
    }
  } finally {
    await platform.stop();
  }
  return rows;
}

function summaryOf(rows: readonly BenchRow[]): Record<string, number> {
  const figure = (system: string, qos: number, key: string) => {
    const v = rows.find((r) => r.system === system && r.qos === qos)?.[key];
    return typeof v === 'number' ? v : undefined;
  };
  const ours = 'ssc-monitor, STORE=influx';
  const batched = 'Node-RED, batched';
  return {
    nodered_batched_qos0_per_s: figure(batched, 0, 'overall/s') ?? NaN,
    nodered_per_point_qos0_per_s: figure('Node-RED, per-point', 0, 'overall/s') ?? NaN,
    influx_vs_nodered_batched_ratio: ratio(figure(ours, 0, 'overall/s'), figure(batched, 0, 'overall/s')),
    influx_vs_nodered_batched_qos1_ratio: ratio(
      figure(ours, 1, 'overall/s'),
      figure(batched, 1, 'overall/s'),
    ),
    ingest_influx_lost: figure(ours, 0, 'lost') ?? NaN,
  };
}

/**
 * Scenario 5: Node-RED flows (per point; batched by 1,000) and the platform, side by side, under the
 * same offered load through the same broker into the same InfluxDB.
 */
export const nodeRedScenario: Scenario = {
  name: 'node-red',
  title: 'Node-RED side by side, into the same InfluxDB',
  async run(context): Promise<ScenarioResult> {
    // Starting Node-RED, InfluxDB and a platform and draining them takes ~40 s here: more than the
    // whole quick bench may take. The full run (or `--only node-red`) measures it.
    if (context.quick) return { rows: [], summary: {}, notes: [QUICK_SKIP] };
    let install = installedNodeRed();
    try {
      install ??= await installNodeRed(context.log);
    } catch (error) {
      return {
        rows: [],
        summary: {},
        notes: [`skipped: cannot install Node-RED: ${(error as Error).message.split('\n')[0]}`],
      };
    }
    const versions = await nodeRedVersions(install);
    const influx = await startInfluxServer();
    try {
      const rows = [
        ...(await nodeRedRows(install, influx, context)),
        ...(await platformRows(influx, context)),
      ];
      return {
        rows,
        summary: summaryOf(rows),
        notes: [
          versions,
          'both flows tag points with the sensor id and parse the payload in a function node; the batched flow also flushes a partial batch every second',
        ],
      };
    } finally {
      await influx.dispose();
    }
  },
};
