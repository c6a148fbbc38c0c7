import { startInfluxServer, type InfluxServer } from '../../../test/helpers/influxdb.js';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { benchMosquitto } from '../lib/bench-mosquitto.js';
import { runIngest } from '../lib/ingest-run.js';
import {
  installedNodeRed,
  installNodeRed,
  nodeRedVersions,
  type NodeRedInstall,
} from '../lib/node-red-install.js';
import type { FlowKind } from '../lib/node-red-flows.js';
import {
  benchPrefix,
  quickNodeRedRig,
  releaseQuickNodeRedRig,
  startInfluxPlatform,
} from '../lib/node-red-rig.js';
import { measureNodeRed, runNodeRed, type NodeRedRun } from '../lib/node-red-run.js';
import type { BenchPlatform } from '../lib/platform.js';
import type { IngestRun } from '../lib/ingest-run.js';
import { ratio } from '../lib/stats.js';
import { durations, SENSORS } from './settings.js';

const QUICK_NOTE =
  'quick: the batched flow and the platform at QoS 0 only, 2 s sustained each after 0.3 s, the Node-RED drain capped at 1 s (lost includes what was still queued then) and none for the platform; the full run measures both flows at QoS 0 and 1 for 30 s';
const NOT_INSTALLED =
  'quick: Node-RED is not installed, so only the platform was measured; `npm run bench -- --only node-red` installs it once';
const FLOW_NOTE =
  'both flows tag points with the sensor id and parse the payload in a function node; the batched flow also flushes a partial batch every second';
const lostPct = (lost: number, sent: number) => (sent === 0 ? NaN : Math.round((lost / sent) * 1000) / 10);

function nodeRedRow(kind: FlowKind, qos: 0 | 1, r: NodeRedRun, context: BenchContext): BenchRow {
  context.log(
    `Node-RED ${kind} QoS ${qos}: ${r.perSecond.toLocaleString('en-US')} points/s, ${lostPct(r.lost, r.sent)} % lost`,
  );
  return {
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
  };
}

/** How long each side runs and how long the bench waits for it to drain. */
function loadOf(context: BenchContext) {
  const d = durations(context);
  return {
    sensors: SENSORS,
    warmUpMs: d.warmUpMs,
    sustainMs: d.sideBySideMs,
    // Quick runs offer QoS 0 only.
    ackDrainMs: context.quick ? d.qos0AckDrainMs : d.ackDrainMs,
    // Node-RED's batched flow flushes every second: a shorter poll could take a pause for the end.
    ...(context.quick ? { drainMs: d.drainMs, drainPollMs: 1_000 } : {}),
  };
}

async function nodeRedRows(
  install: NodeRedInstall,
  influx: InfluxServer,
  context: BenchContext,
): Promise<BenchRow[]> {
  const runs: [FlowKind, 0 | 1][] = [
    ['per-point', 0],
    ['per-point', 1],
    ['batched', 0],
    ['batched', 1],
  ];
  const rows: BenchRow[] = [];
  for (const [kind, qos] of runs) {
    const r = await runNodeRed({
      install,
      kind,
      qos,
      influxUrl: influx.url,
      mqttUrl: (await benchMosquitto()).url,
      prefix: benchPrefix(),
      ...loadOf(context),
    });
    rows.push(nodeRedRow(kind, qos, r, context));
  }
  return rows;
}

async function platformRow(platform: BenchPlatform, qos: 0 | 1, context: BenchContext) {
  const d = durations(context);
  const r: IngestRun = await runIngest(platform, {
    qos,
    sensors: SENSORS,
    warmUpMs: d.warmUpMs,
    sustainMs: d.sideBySideMs,
    // A quick run stops with this pass: whatever is unstored is counted as such, not waited for.
    drainMs: context.quick ? 0 : d.drainMs,
    ackDrainMs: qos === 0 ? d.qos0AckDrainMs : d.ackDrainMs,
  });
  const mem = await platform.memory('platform');
  context.log(
    `ssc-monitor (InfluxDB) QoS ${qos}: ${r.perSecond.toLocaleString('en-US')} readings/s, ${lostPct(r.lost, r.sent)} % lost`,
  );
  return {
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
  };
}

async function platformRows(influx: InfluxServer, context: BenchContext): Promise<BenchRow[]> {
  const platform = await startInfluxPlatform(influx, SENSORS);
  try {
    return [await platformRow(platform, 0, context), await platformRow(platform, 1, context)];
  } finally {
    await platform.stop();
  }
}

/** The quick form: the batched flow, then the platform, at QoS 0, on the rig started with the other set-ups. */
async function quickRun(context: BenchContext): Promise<ScenarioResult> {
  try {
    const rig = await quickNodeRedRig(SENSORS);
    const rows: BenchRow[] = [];
    if (rig.flow) {
      rows.push(nodeRedRow('batched', 0, await measureNodeRed(rig.flow, loadOf(context)), context));
      // Whatever Node-RED still holds must not run beside the platform's measurement.
      await rig.flow.stop();
    }
    rows.push(
      await platformRow(rig.platform, 0, context).catch((error: unknown) => {
        context.log(`platform (STORE=influx) output:\n${rig.platform.process.output().slice(-1500)}`);
        throw error;
      }),
    );
    const summary = summaryOf(rows);
    return {
      rows,
      summary: {
        ...summary,
        ingest_influx_qos0_per_s: Number(rows.at(-1)?.['points/s'] ?? NaN),
      },
      notes: [...(rig.versions ? [rig.versions, FLOW_NOTE] : []), rig.flow ? QUICK_NOTE : NOT_INSTALLED],
    };
  } finally {
    await releaseQuickNodeRedRig();
  }
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
  async prepare() {
    await quickNodeRedRig(SENSORS);
  },
  async run(context): Promise<ScenarioResult> {
    if (context.quick) return quickRun(context);
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
        notes: [versions, FLOW_NOTE],
      };
    } finally {
      await influx.dispose();
    }
  },
};
