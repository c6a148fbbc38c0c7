import type { DuckDBConnection } from '@duckdb/node-api';
import type { AggregateQuery } from '@ssc-monitor/core';
import type { BoundSql } from './bound-sql.js';
import { ResultColumns } from './result-columns.js';
import {
  DAY_MS,
  HOUR_MS,
  NEVER,
  ceilTo,
  floorTo,
  wholeMs,
  type RollupState,
  type Span,
} from './rollup-plan.js';
import {
  CLEAR_DIRTY,
  SELECT_DIRTY_HOURS,
  SELECT_SEALED,
  dirtyHoursSql,
  purgeRawSql,
  rollUpSql,
} from './rollup-sql.js';

/**
 * Marked hours further apart than this are rolled up in separate passes, so that a late reading
 * from long ago does not make a pass scan every raw reading in between.
 */
const CLUSTER_GAP_MS = 7 * DAY_MS;

async function run(connection: DuckDBConnection, statements: readonly BoundSql[]): Promise<void> {
  for (const { sql, values, types } of statements) await connection.run(sql, values, types);
}

async function readSealed(connection: DuckDBConnection): Promise<number> {
  const columns = new ResultColumns(await connection.runAndReadAll(SELECT_SEALED));
  return columns.numbers(0)[0] ?? NEVER;
}

/** Spans covering every marked hour, split where marks are more than CLUSTER_GAP_MS apart. */
async function markedClusters(connection: DuckDBConnection): Promise<Span[]> {
  const hours = new ResultColumns(await connection.runAndReadAll(SELECT_DIRTY_HOURS)).numbers(0);
  const clusters: { from: number; to: number }[] = [];
  for (const hour of hours) {
    const last = clusters.at(-1);
    if (last !== undefined && hour - last.to < CLUSTER_GAP_MS) last.to = hour + HOUR_MS;
    else clusters.push({ from: hour, to: hour + HOUR_MS });
  }
  return clusters;
}

/**
 * One maintenance step, in one transaction on the writing connection (so no write interleaves):
 * rolls up every marked hour and day, clears the marks, then applies the retention, so raw
 * readings are only ever deleted once rolled up. `cutoff` is undefined when raw readings are
 * kept for good.
 */
export async function maintainRollups(
  connection: DuckDBConnection,
  cutoff: number | undefined,
): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const sealedBefore = await readSealed(connection);
    for (const extent of await markedClusters(connection))
      await run(connection, rollUpSql(extent, sealedBefore));
    await connection.run(CLEAR_DIRTY);
    if (cutoff !== undefined && cutoff > sealedBefore) await run(connection, purgeRawSql(cutoff));
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The marked hours a query's span touches and the seal; run in the query's transaction. */
export async function readRollupState(
  connection: DuckDBConnection,
  query: AggregateQuery,
): Promise<RollupState> {
  const span = { from: floorTo(wholeMs(query.from), HOUR_MS), to: ceilTo(wholeMs(query.to), HOUR_MS) };
  const { sql, values, types } = dirtyHoursSql(query.quantity, span);
  const dirty = new ResultColumns(await connection.runAndReadAll(sql, values, types));
  return { dirtyHours: dirty.numbers(0), sealedBefore: await readSealed(connection) };
}

/** Runs `work` in a read transaction, so that all it reads is one consistent snapshot. */
export async function withSnapshot<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
