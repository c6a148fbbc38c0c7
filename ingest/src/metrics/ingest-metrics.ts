import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { REJECTION_CODES } from '@ssc-monitor/core';
import type { SpoolState } from '../pipeline/ingest-pipeline.js';
import type { DropReason, IngestStats } from '../pipeline/ingest-stats.js';

/** What the metrics read at scrape time; the ingest hot path only bumps plain numbers. */
export interface IngestMetricsSource {
  readonly stats: IngestStats;
  spoolState(): SpoolState;
}

const PREFIX = 'ssc_ingest_';

/** A counter whose value is read from `value()` when scraped. */
function mirroredCounter(registry: Registry, name: string, help: string, value: () => number): void {
  new Counter({
    name: `${PREFIX}${name}`,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(value());
    },
  });
}

function gauge(registry: Registry, name: string, help: string, value: () => number): void {
  new Gauge({
    name: `${PREFIX}${name}`,
    help,
    registers: [registry],
    collect() {
      this.set(value());
    },
  });
}

/**
 * The ingest counters and spool gauges in a registry of their own (plus Node's process metrics),
 * rendered in the Prometheus text format by `metrics()`.
 */
export function createIngestMetrics(source: IngestMetricsSource): Registry {
  const registry = new Registry();
  const { stats } = source;
  mirroredCounter(
    registry,
    'messages_received_total',
    'MQTT messages received on sensor topics',
    () => stats.received,
  );
  mirroredCounter(
    registry,
    'readings_accepted_total',
    'Readings taken from valid messages',
    () => stats.accepted,
  );
  mirroredCounter(registry, 'readings_stored_total', 'Readings the store confirmed', () => stats.stored);
  mirroredCounter(
    registry,
    'messages_redelivered_total',
    'Messages with the MQTT dup flag or holding a reading seen recently',
    () => stats.redelivered,
  );
  mirroredCounter(
    registry,
    'records_spooled_total',
    'Readings and dead letters made durable in the spool',
    () => stats.spooled,
  );
  new Counter({
    name: `${PREFIX}messages_dropped_total`,
    help: 'QoS 0 messages dropped, by reason: spool_full (SPOOL_MAX_BYTES) or overload (intake paused)',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, count] of Object.entries(stats.droppedBy) as [DropReason, number][])
        this.inc({ reason }, count);
    },
  });
  new Counter({
    name: `${PREFIX}messages_rejected_total`,
    help: 'Messages rejected to the dead-letter log, by reason',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const reason of REJECTION_CODES) this.inc({ reason }, stats.rejectedBy.get(reason) ?? 0);
    },
  });
  mirroredCounter(
    registry,
    'spool_commits_total',
    'Group commits to the spool (one fsync each)',
    () => source.spoolState().commits,
  );
  gauge(registry, 'spool_bytes', 'Bytes in the spool not yet stored', () => source.spoolState().bytes);
  gauge(registry, 'spool_segments', 'Segment files in the spool', () => source.spoolState().segments);
  gauge(
    registry,
    'backlog_readings',
    'Records taken in and not yet stored (spool plus the commit in progress)',
    () => source.spoolState().backlog,
  );
  gauge(registry, 'intake_paused', '1 while intake is paused for the store to catch up', () =>
    source.spoolState().paused ? 1 : 0,
  );
  mirroredCounter(
    registry,
    'intake_pauses_total',
    'Times intake paused because the backlog passed INGEST_BACKLOG_HIGH',
    () => source.spoolState().pauses,
  );
  gauge(registry, 'spool_full', '1 while the spool is full (acknowledgements withheld)', () =>
    source.spoolState().full ? 1 : 0,
  );
  collectDefaultMetrics({ register: registry });
  return registry;
}
