import type { DuckDBConnection } from '@duckdb/node-api';
import {
  isQuantityId,
  type AggregateQuery,
  type AggregateRow,
  type LatestRow,
  type ReadingFilter,
  type Store,
  type StoredReading,
} from '@ssc-monitor/core';
import type { BoundSql } from './bound-sql.js';
import type { DuckDbDatabase } from './duckdb-database.js';
import {
  CLEAR_STAGING,
  CREATE_READINGS,
  CREATE_STAGING,
  MERGE_STAGING,
  STAGING_TABLE,
  aggregateSql,
  latestSql,
  readingsSql,
} from './readings-sql.js';
import { Lifecycle } from './lifecycle.js';
import { ResultColumns } from './result-columns.js';
import { StoreError } from './store-error.js';

/**
 * The time-series store on the embedded DuckDB database. Timestamps are stored as BIGINT epoch ms,
 * the port's unit, so no conversion can shift a bucket boundary.
 *
 * Every `write` is one transaction: the batch is appended to a staging table, merged into
 * `readings` by primary key, and staging is cleared. It resolves once committed.
 */
export class EmbeddedStore implements Store {
  readonly #database: DuckDbDatabase;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #lifecycle = new Lifecycle('store');

  constructor(database: DuckDbDatabase) {
    this.#database = database;
  }

  start(): Promise<void> {
    return this.#lifecycle.start(() => this.#database.startWith([CREATE_READINGS, CREATE_STAGING]));
  }

  write(readings: readonly StoredReading[]): Promise<void> {
    return this.#track(async () => {
      if (readings.length === 0) return;
      const timestamps = wholeMilliseconds(readings);
      await this.#database.write((connection) => mergeBatch(connection, readings, timestamps));
    });
  }

  aggregate(query: AggregateQuery): Promise<AggregateRow[]> {
    return this.#track(async () => {
      if (!Number.isSafeInteger(query.every) || query.every <= 0) {
        throw new StoreError(
          'STORE_ERR_QUERY',
          `bucket width must be a positive whole number of ms, got ${query.every}`,
        );
      }
      const columns = await this.#select(aggregateSql(query));
      return toAggregateRows(columns, query);
    });
  }

  readings(filter: ReadingFilter): Promise<StoredReading[]> {
    return this.#track(async () => {
      const columns = await this.#select(readingsSql(filter));
      const [sensorIds, districts, ts, values] = [
        columns.strings(0),
        columns.strings(1),
        columns.numbers(2),
        columns.numbers(3),
      ];
      const rows: StoredReading[] = new Array<StoredReading>(columns.rowCount);
      for (let i = 0; i < columns.rowCount; i += 1) {
        rows[i] = {
          sensorId: sensorIds[i]!,
          quantity: filter.quantity,
          district: districts[i]!,
          ts: ts[i]!,
          value: values[i]!,
        };
      }
      return rows;
    });
  }

  latest(filter?: { readonly sensorIds?: readonly string[] }): Promise<LatestRow[]> {
    return this.#track(async () => {
      const columns = await this.#select(latestSql(filter?.sensorIds));
      return toLatestRows(columns);
    });
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

  /** Waits for writes and queries already accepted, then releases the database. Idempotent. */
  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      await Promise.allSettled(this.#pending);
      await this.#database.close();
    });
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

/** BIGINT timestamps for the appender; sub-millisecond parts are rounded as core rounds them. */
function wholeMilliseconds(readings: readonly StoredReading[]): bigint[] {
  return readings.map((reading, index) => {
    if (!Number.isFinite(reading.ts)) {
      throw new StoreError(
        'STORE_ERR_WRITE',
        `reading ${index} of the batch has no finite ts (${reading.ts})`,
      );
    }
    return BigInt(Math.round(reading.ts));
  });
}

async function mergeBatch(
  connection: DuckDBConnection,
  readings: readonly StoredReading[],
  timestamps: readonly bigint[],
): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const appender = await connection.createAppender(STAGING_TABLE);
    try {
      for (let i = 0; i < readings.length; i += 1) {
        const reading = readings[i]!;
        appender.appendInteger(i);
        appender.appendVarchar(reading.sensorId);
        appender.appendVarchar(reading.quantity);
        appender.appendVarchar(reading.district);
        appender.appendBigInt(timestamps[i]!);
        appender.appendDouble(reading.value);
        appender.endRow();
      }
    } finally {
      appender.closeSync();
    }
    await connection.run(MERGE_STAGING);
    await connection.run(CLEAR_STAGING);
    await connection.run('COMMIT');
  } catch (error) {
    // Rolling back also empties staging: the appended rows belong to the failed transaction.
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function toAggregateRows(columns: ResultColumns, query: AggregateQuery): AggregateRow[] {
  const [buckets, sensorIds, counts, sums, mins, maxes] = [
    columns.numbers(0),
    columns.nullableStrings(1),
    columns.numbers(2),
    columns.numbers(3),
    columns.numbers(4),
    columns.numbers(5),
  ];
  const above = query.threshold === undefined ? undefined : columns.numbers(6);
  const rows: AggregateRow[] = new Array<AggregateRow>(columns.rowCount);
  for (let i = 0; i < columns.rowCount; i += 1) {
    const sensorId = sensorIds[i];
    rows[i] = {
      bucket: buckets[i]!,
      ...(query.groupBy === 'sensor' && typeof sensorId === 'string' ? { sensorId } : {}),
      count: counts[i]!,
      sum: sums[i]!,
      min: mins[i]!,
      max: maxes[i]!,
      ...(above === undefined ? {} : { above: above[i]! }),
    };
  }
  return rows;
}

function toLatestRows(columns: ResultColumns): LatestRow[] {
  const [sensorIds, quantities, districts, ts, values] = [
    columns.strings(0),
    columns.strings(1),
    columns.strings(2),
    columns.numbers(3),
    columns.numbers(4),
  ];
  const rows: LatestRow[] = [];
  for (let i = 0; i < columns.rowCount; i += 1) {
    const quantity = quantities[i]!;
    // A quantity dropped from the vocabulary since it was stored has no place in the typed row.
    if (!isQuantityId(quantity)) continue;
    rows.push({ sensorId: sensorIds[i]!, quantity, district: districts[i]!, ts: ts[i]!, value: values[i]! });
  }
  return rows;
}
