import { randomBytes } from 'node:crypto';
import { startInfluxServer, type InfluxServer } from '../../../test/helpers/influxdb.js';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { benchMosquitto } from '../lib/bench-mosquitto.js';
import { runIngest } from '../lib/ingest-run.js';
import { ownMemory } from '../lib/memory.js';
import { startPlatform } from '../lib/platform.js';
import { releaseSharedPlatform, sharedPlatform } from '../lib/platform-pool.js';
import { durations, SENSORS } from './settings.js';

export interface IngestScenarioOptions {
  /** Folder for a V8 CPU profile of the ingest process (embedded store) under load. */
  readonly cpuProfDir?: string;
}

const QUICK_INFLUX_NOTE =
  'quick: InfluxDB ingest is measured once, at QoS 0 for 2 s, by the node-red scenario (its `ssc-monitor, STORE=influx` row)';

const LATE_WINDOW_NOTE =
  'the platform answered /api/health late under load, so part of a counted window fell after the load (window under load % < 100): that part counts the backlog being written, not the sustained rate';

interface Variant {
  readonly store: 'embedded' | 'influx';
  readonly qualifier: string;
}

async function runVariant(
  variant: Variant,
  context: BenchContext,
  influx: InfluxServer | undefined,
  cpuProfDir?: string,
) {
  const d = durations(context);
  const share = context.quick && influx === undefined && cpuProfDir === undefined;
  const platform = share
    ? await sharedPlatform(SENSORS)
    : await startPlatform({
        sensors: SENSORS,
        mqttUrl: (await benchMosquitto()).url,
        topicPrefix: `bench-${randomBytes(4).toString('hex')}/`,
        ...(influx ? { influxUrl: influx.url } : {}),
        ...(cpuProfDir ? { cpuProfDir } : {}),
      });
  const rows: BenchRow[] = [];
  const memory: BenchRow[] = [];
  try {
    // A quick run's drain wait is too short for the backlog QoS 0 leaves the embedded store, so
    // QoS 1 goes first there, on a platform with nothing pending.
    for (const qos of context.quick ? ([1, 0] as const) : ([0, 1] as const)) {
      // A quick run kills the platform after its QoS 0 pass: no figure waits for that backlog.
      const last = context.quick && qos === 0;
      const run = await runIngest(platform, {
        qos,
        sensors: SENSORS,
        warmUpMs: d.warmUpMs,
        sustainMs: d.ingestMs,
        drainMs: last ? 0 : d.drainMs,
        ackDrainMs: qos === 0 ? d.qos0AckDrainMs : d.ackDrainMs,
        log: context.log,
      });
      const mem = { ...run.memoryUnderLoad, process: `ingest (${variant.store}) under QoS ${qos} load` };
      context.log(
        `${variant.store} QoS ${qos}: ${run.perSecond.toLocaleString('en-US')} readings/s, ${run.lost} lost, RSS ${mem.rss_mb} MB`,
      );
      rows.push({
        store: variant.qualifier,
        qos,
        'readings/s': run.perSecond,
        'stored/s': run.storedPerSecond,
        'kpi/s': run.kpiPerSecond,
        'publish acks/s': Math.round(run.load.achievedRate),
        'overall/s': run.overallPerSecond,
        sent: run.sent,
        lost: run.lost,
        'unstored at end': run.unstored,
        'window under load %': Math.round(run.underLoadShare * 100),
      });
      memory.push({ ...mem });
    }
  } finally {
    // Ingest is the shared platform's last user; stopping it ends the backlog QoS 0 left it.
    if (share) await releaseSharedPlatform();
    else await platform.stop();
    context.log(`platform (${variant.store}) stopped`);
  }
  return { rows, memory };
}

/**
 * Scenario 2: readings per second durably stored and reflected in KPI state, sustained after a
 * warm-up, through the machine's Mosquitto, with the embedded store and with InfluxDB.
 */
export function ingestScenario(options: IngestScenarioOptions = {}): Scenario {
  return {
    name: 'ingest',
    title: 'Ingest end-to-end: published → stored and in KPI state',
    async prepare() {
      await sharedPlatform(SENSORS);
    },
    async run(context): Promise<ScenarioResult> {
      const variants: Variant[] = [{ store: 'embedded', qualifier: 'embedded (DuckDB)' }];
      if (!context.quick) variants.push({ store: 'influx', qualifier: 'InfluxDB 1.6' });
      const rows: BenchRow[] = [];
      const memory: BenchRow[] = [];
      for (const variant of variants) {
        const influx = variant.store === 'influx' ? await startInfluxServer() : undefined;
        try {
          const r = await runVariant(
            variant,
            context,
            influx,
            variant.store === 'embedded' ? options.cpuProfDir : undefined,
          );
          rows.push(...r.rows);
          memory.push(...r.memory);
        } finally {
          await influx?.dispose();
        }
      }
      memory.push({ ...(await ownMemory()) });
      const embedded = (qos: number) => rows.find((r) => r.store === 'embedded (DuckDB)' && r.qos === qos);
      const influxRow = (qos: number) => rows.find((r) => r.store === 'InfluxDB 1.6' && r.qos === qos);
      const rss = memory.find((m) => String(m.process).includes('under QoS 0'))?.rss_mb;
      return {
        rows,
        memory,
        notes: [
          ...(rows.some((r) => Number(r['window under load %']) < 100) ? [LATE_WINDOW_NOTE] : []),
          ...(context.quick ? [QUICK_INFLUX_NOTE] : []),
        ],
        summary: {
          ingest_qos0_per_s: Number(embedded(0)?.['readings/s'] ?? NaN),
          ingest_qos1_per_s: Number(embedded(1)?.['readings/s'] ?? NaN),
          ingest_qos0_lost: Number(embedded(0)?.lost ?? NaN),
          ingest_qos1_lost: Number(embedded(1)?.lost ?? NaN),
          // A quick run takes the InfluxDB figure from the node-red scenario instead.
          ...(context.quick
            ? {}
            : {
                ingest_influx_qos0_per_s: Number(influxRow(0)?.['readings/s'] ?? NaN),
                ingest_influx_qos1_per_s: Number(influxRow(1)?.['readings/s'] ?? NaN),
              }),
          rss_mb: Number(rss ?? NaN),
        },
      };
    },
  };
}
