import type { DuckDBConnection } from '@duckdb/node-api';
import type { StoredReading } from '@ssc-monitor/core';
import { CLEAR_STAGING, MERGE_STAGING, STAGING_TABLE } from './readings-sql.js';
import { HOUR_MS, floorTo } from './rollup-plan.js';
import { DIRTY_TABLE } from './rollup-sql.js';
import { StoreError } from './store-error.js';

/**
 * Hours known to be marked in the committed `rollup_dirty`, so that the many batches of a live
 * hour append no mark at all: one more statement per batch would cost a tenth of the throughput.
 * Maintenance empties both; a mark appended twice (e.g. after a restart) is harmless.
 */
export class MarkedHours {
  readonly #known = new Map<string, Set<number>>();

  /** The batch's hours that are not marked yet, as [quantity, hour] pairs, each once. */
  unmarked(readings: readonly StoredReading[]): [string, number][] {
    const fresh: [string, number][] = [];
    let seen: Set<number> | undefined;
    let seenQuantity = '';
    const added = new Map<string, Set<number>>();
    for (const { quantity, ts } of readings) {
      if (quantity !== seenQuantity || seen === undefined) {
        seenQuantity = quantity;
        seen = added.get(quantity) ?? new Set(this.#known.get(quantity));
        added.set(quantity, seen);
      }
      const hour = floorTo(Math.round(ts), HOUR_MS);
      if (seen.has(hour)) continue;
      seen.add(hour);
      fresh.push([quantity, hour]);
    }
    return fresh;
  }

  /** The marks of a committed batch. */
  add(marks: readonly [string, number][]): void {
    for (const [quantity, hour] of marks) {
      let hours = this.#known.get(quantity);
      if (hours === undefined) this.#known.set(quantity, (hours = new Set()));
      hours.add(hour);
    }
  }

  clear(): void {
    this.#known.clear();
  }
}

/** BIGINT timestamps for the appender; sub-millisecond parts are rounded as core rounds them. */
export function wholeMilliseconds(readings: readonly StoredReading[]): bigint[] {
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

/**
 * One transaction per batch: append to staging, merge into `readings` by primary key, append marks
 * for the batch's new hours, clear staging. Roll-ups themselves are left to maintenance.
 */
export async function mergeBatch(
  connection: DuckDBConnection,
  readings: readonly StoredReading[],
  timestamps: readonly bigint[],
  marked: MarkedHours,
): Promise<void> {
  const marks = marked.unmarked(readings);
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
    if (marks.length > 0) await appendMarks(connection, marks);
    await connection.run(CLEAR_STAGING);
    await connection.run('COMMIT');
    marked.add(marks);
  } catch (error) {
    // Rolling back also empties staging: the appended rows belong to the failed transaction.
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** An appender rather than an INSERT: it costs a tenth as much per batch. */
async function appendMarks(connection: DuckDBConnection, marks: readonly [string, number][]): Promise<void> {
  const appender = await connection.createAppender(DIRTY_TABLE);
  try {
    for (const [quantity, hour] of marks) {
      appender.appendVarchar(quantity);
      appender.appendBigInt(BigInt(hour));
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
