import type {
  AggregateQuery,
  AggregateRow,
  LatestRow,
  ReadingFilter,
  Store,
  StoredReading,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { BoundSql } from './bound-sql.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import { maintainRollups, readRollupState, withSnapshot } from './embedded-rollups.js';
import { toAggregateRows, toLatestRows, toReadings } from './embedded-rows.js';
import { MarkedHours, mergeBatch, wholeMilliseconds } from './embedded-write.js';
import { Lifecycle } from './lifecycle.js';
import { MaintenanceScheduler } from './maintenance-scheduler.js';
import { CREATE_READINGS, CREATE_STAGING, aggregateSql, latestSql, readingsSql } from './readings-sql.js';
import { ResultColumns } from './result-columns.js';
import {
  MAINTENANCE_PERIOD_MS,
  resolveRollupOptions,
  retentionCutoff,
  type ResolvedRollupOptions,
  type RollupOptions,
} from './rollup-options.js';
import { isFragmented, planAggregate, rawComplete, resolutionOf } from './rollup-plan.js';
import { CREATE_ROLLUPS, plannedAggregateSql } from './rollup-sql.js';
import { StoreError } from './store-error.js';

export interface EmbeddedStoreOptions extends RollupOptions {
  /** Failed background maintenance is logged here. */
  readonly logger?: Logger;
}

/**
 * The time-series store on the embedded DuckDB database. Timestamps are stored as BIGINT epoch ms,
 * the port's unit, so no conversion can shift a bucket boundary.
 *
 * Every `write` is one transaction: the batch is appended to a staging table, merged into
 * `readings` by primary key, its hours are marked for roll-up, and staging is cleared. It resolves
 * once committed. Maintenance (see `RollupOptions`) keeps hourly and daily roll-ups in
 * `rollups_1h` and `rollups_1d`; aggregates over whole hours or days read them, and raw readings
 * for the hours not rolled up yet, so a query right after a write sees it.
 */
export class EmbeddedStore implements Store {
  readonly #database: DuckDbDatabase;
  readonly #options: ResolvedRollupOptions;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #lifecycle = new Lifecycle('store');
  readonly #scheduler: MaintenanceScheduler;
  readonly #marked = new MarkedHours();

  constructor(database: DuckDbDatabase, options: EmbeddedStoreOptions = {}) {
    this.#database = database;
    this.#options = resolveRollupOptions(options);
    this.#scheduler = new MaintenanceScheduler(() => this.#maintenanceStep(), {
      delayMs: this.#options.maintenanceDelayMs,
      periodMs: MAINTENANCE_PERIOD_MS,
      onError: (error) => options.logger?.warn({ err: error }, 'roll-up maintenance failed; it is retried'),
    });
  }

  start(): Promise<void> {
    return this.#lifecycle.start(async () => {
      await this.#database.startWith([CREATE_READINGS, CREATE_STAGING, ...CREATE_ROLLUPS]);
      this.#scheduler.start();
      // Hours marked before a crash, or by the upgrade of a database from before roll-ups.
      this.#scheduler.notify();
    });
  }

  write(readings: readonly StoredReading[]): Promise<void> {
    return this.#track(async () => {
      if (readings.length === 0) return;
      const timestamps = wholeMilliseconds(readings);
      await this.#database.write((connection) => mergeBatch(connection, readings, timestamps, this.#marked));
      this.#scheduler.notify();
    });
  }

  /** Rolls up every hour written so far and applies the raw retention; resolves once committed. */
  maintain(): Promise<void> {
    return this.#track(() => this.#scheduler.runNow());
  }

  aggregate(query: AggregateQuery): Promise<AggregateRow[]> {
    return this.#track(async () => {
      if (!Number.isSafeInteger(query.every) || query.every <= 0) {
        throw new StoreError(
          'STORE_ERR_QUERY',
          `bucket width must be a positive whole number of ms, got ${query.every}`,
        );
      }
      if (resolutionOf(query) === 'raw')
        return toAggregateRows(await this.#select(aggregateSql(query)), query);
      return this.#fromRollups(query, true);
    });
  }

  readings(filter: ReadingFilter): Promise<StoredReading[]> {
    return this.#track(async () => toReadings(await this.#select(readingsSql(filter)), filter));
  }

  latest(filter?: { readonly sensorIds?: readonly string[] }): Promise<LatestRow[]> {
    return this.#track(async () => toLatestRows(await this.#select(latestSql(filter?.sensorIds))));
  }

  async ping(): Promise<boolean> {
    if (!this.#lifecycle.isOpen) return false;
    try {
      await this.#database.read((connection) => connection.run('SELECT 1'));
      return true;
    } catch {
      return false;
    }
  }

  /** Waits for maintenance, writes and queries already accepted, then releases the database. Idempotent. */
  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      await this.#scheduler.stop();
      await Promise.allSettled(this.#pending);
      await this.#database.close();
    });
  }

  /**
   * Plans and runs the query in one snapshot, so that the marks it reads match the roll-ups and raw
   * readings it reads. A plan in too many pieces reads raw readings instead where they are all
   * there, or else waits for maintenance first (once).
   */
  async #fromRollups(query: AggregateQuery, mayMaintain: boolean): Promise<AggregateRow[]> {
    const resolution = resolutionOf(query) === 'day' ? 'day' : 'hour';
    const rows = await this.#database.read((connection) =>
      withSnapshot(connection, async () => {
        const state = await readRollupState(connection, query);
        const plan = planAggregate(query, resolution, state);
        let bound = plannedAggregateSql(query, plan);
        if (isFragmented(plan)) {
          if (rawComplete(query, state.sealedBefore)) bound = aggregateSql(query);
          else if (mayMaintain) return undefined;
        }
        if (bound === undefined) return [];
        const reader = await connection.runAndReadAll(bound.sql, bound.values, bound.types);
        return toAggregateRows(new ResultColumns(reader), query);
      }),
    );
    if (rows !== undefined) return rows;
    await this.#scheduler.runNow();
    return this.#fromRollups(query, false);
  }

  async #maintenanceStep(): Promise<boolean> {
    const cutoff = retentionCutoff(this.#options);
    await this.#database.write(async (connection) => {
      await maintainRollups(connection, cutoff);
      this.#marked.clear();
    });
    return false;
  }

  #select(bound: BoundSql): Promise<ResultColumns> {
    return this.#database.read(
      async (connection) =>
        new ResultColumns(await connection.runAndReadAll(bound.sql, bound.values, bound.types)),
    );
  }

  #track<T>(operation: () => Promise<T>): Promise<T> {
    const closed = this.#lifecycle.closedError();
    if (closed !== undefined) return Promise.reject(closed);
    const running = operation();
    this.#pending.add(running);
    void running.finally(() => this.#pending.delete(running)).catch(() => undefined);
    return running;
  }
}
