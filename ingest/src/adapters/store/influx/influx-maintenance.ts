import type { AggregateQuery, AggregateRow, StoredReading } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { MaintenanceScheduler } from '../maintenance-scheduler.js';
import { MAINTENANCE_PERIOD_MS } from '../rollup-options.js';
import { isFragmented, rawComplete } from '../rollup-plan.js';
import type { DiskSpool, SpoolEntry } from '../../../spool/disk-spool.js';
import type { ResolvedInfluxStoreOptions } from './influx-config.js';
import type { InfluxHttp } from './influx-http.js';
import { InfluxRollups } from './influx-rollups.js';
import { mergeAggregateRows, toAggregateRows } from './influx-rows.js';
import type { InfluxWriter } from './influx-writer.js';
import { aggregateStatement } from './influxql.js';
import type { QuerySeries } from './query-results.js';
import { plannedStatements } from './rollup-influxql.js';
import { RollupJournal, hourKeys, type HourKey } from './rollup-journal.js';
import type { SpoolForwarder } from './spool-forwarder.js';

export interface InfluxMaintenanceParts {
  readonly http: InfluxHttp;
  readonly writer: InfluxWriter;
  readonly spool: DiskSpool;
  readonly forwarder: SpoolForwarder;
  readonly options: ResolvedInfluxStoreOptions;
  readonly logger: Logger;
}

/**
 * The InfluxDB store's roll-up side: the journal of hours to roll up, the maintenance steps and
 * their schedule, and aggregates planned over roll-ups and raw readings.
 */
export class InfluxMaintenance {
  readonly #parts: InfluxMaintenanceParts;
  readonly #journal: RollupJournal;
  readonly #rollups: InfluxRollups;
  readonly #scheduler: MaintenanceScheduler;
  /** Spool seq of the newest batch whose hours are touched in the journal. */
  #touchedSeq = -1;

  constructor(parts: InfluxMaintenanceParts) {
    const { http, writer, forwarder, options, logger } = parts;
    this.#parts = parts;
    this.#journal = new RollupJournal(options.spoolDir);
    this.#rollups = new InfluxRollups({
      http,
      journal: this.#journal,
      send: (body) => writer.send(body, AbortSignal.timeout(options.timeoutMs)),
      version: () => writer.connect(),
      spoolMark: () => {
        const seq = this.#touchedSeq;
        return () => forwarder.passed(seq, options.ackTimeoutMs);
      },
      options,
      logger,
    });
    this.#scheduler = new MaintenanceScheduler(() => this.#rollups.step(), {
      delayMs: options.maintenanceDelayMs,
      periodMs: MAINTENANCE_PERIOD_MS,
      onError: (error) => {
        // While InfluxDB is away every step fails the same way; the forwarder already warns.
        const log = forwarder.connected ? logger.warn : logger.debug;
        log.call(logger, { err: error }, 'roll-up maintenance failed; it is retried');
      },
    });
  }

  /** Reads the journal; call after the spool is open, so that its leftover batches count as spooled. */
  async open(): Promise<void> {
    await this.#rollups.open();
    this.#touchedSeq = this.#parts.spool.lastSeq;
  }

  /** Starts the schedule, with a first step soon for hours journalled by an earlier run. */
  start(): void {
    this.#scheduler.start();
    this.#scheduler.notify();
  }

  stop(): Promise<void> {
    return this.#scheduler.stop();
  }

  runNow(): Promise<void> {
    return this.#scheduler.runNow();
  }

  /** Before a write is spooled: journals its hours (durably) and returns them for `spooled`/`failed`. */
  async reserve(readings: readonly StoredReading[]): Promise<HourKey[]> {
    const hours = hourKeys(readings);
    await this.#journal.reserve(hours);
    return hours;
  }

  spooled(hours: readonly HourKey[], entries: readonly SpoolEntry[]): void {
    this.#journal.touch(hours);
    for (const entry of entries) this.#touchedSeq = Math.max(this.#touchedSeq, entry.seq);
    this.#scheduler.notify();
  }

  failed(hours: readonly HourKey[]): void {
    this.#journal.release(hours);
  }

  /** Until the bucket's hours are accounted for, aggregates read raw readings only. */
  get ready(): boolean {
    return this.#rollups.ready;
  }

  /**
   * A plan in too many pieces reads raw readings instead where they are all there (`rawQuery`),
   * or else waits for maintenance first (once), if InfluxDB lets it run.
   */
  async aggregate(
    query: AggregateQuery,
    resolution: 'hour' | 'day',
    run: (statement: string) => Promise<QuerySeries[]>,
    mayMaintain = true,
  ): Promise<AggregateRow[]> {
    const plan = this.#rollups.plan(query, resolution);
    let statements = plannedStatements(query, plan);
    if (isFragmented(plan)) {
      if (rawComplete(query, this.#journal.sealedBefore)) statements = [aggregateStatement(query)];
      else if (mayMaintain) {
        await this.#scheduler.runNow().catch(() => undefined);
        return this.aggregate(query, resolution, run, false);
      }
    }
    if (statements.length === 0) return [];
    return mergeAggregateRows(toAggregateRows(await run(statements.join('; ')), undefined, query));
  }
}
