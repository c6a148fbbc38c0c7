import { BIGINT, DOUBLE, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { AggregateQuery, ReadingFilter } from '@ssc-monitor/core';
import { SqlParams, msBound, type BoundSql } from './bound-sql.js';

/** Point identity is the primary key, so a redelivered point replaces the stored one. */
export const CREATE_READINGS = `CREATE TABLE IF NOT EXISTS readings (
  sensor_id VARCHAR NOT NULL,
  quantity VARCHAR NOT NULL,
  district VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  value DOUBLE NOT NULL,
  PRIMARY KEY (sensor_id, quantity, ts)
)`;

export const STAGING_TABLE = 'readings_staging';

/**
 * Batches are appended here first, because the appender cannot resolve key conflicts. A temporary
 * table lives on the writing connection only and never reaches the write-ahead log. `seq` is the
 * position in the batch, so that the last of several duplicates wins.
 */
export const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS ${STAGING_TABLE} (
  seq INTEGER NOT NULL,
  sensor_id VARCHAR NOT NULL,
  quantity VARCHAR NOT NULL,
  district VARCHAR NOT NULL,
  ts BIGINT NOT NULL,
  value DOUBLE NOT NULL
)`;

/** One statement per batch; duplicates inside the batch are removed first (INSERT OR REPLACE refuses them). */
export const MERGE_STAGING = `INSERT OR REPLACE INTO readings (sensor_id, quantity, district, ts, value)
SELECT sensor_id, quantity, district, ts, value FROM ${STAGING_TABLE}
QUALIFY row_number() OVER (PARTITION BY sensor_id, quantity, ts ORDER BY seq DESC) = 1`;

export const CLEAR_STAGING = `DELETE FROM ${STAGING_TABLE}`;

function sensorClause(sensorIds: readonly string[], params: SqlParams): string {
  return `list_contains(${params.add('sensors', listValue([...sensorIds]), LIST(VARCHAR))}, sensor_id)`;
}

function filterClauses(filter: ReadingFilter, params: SqlParams): string {
  const clauses = [
    `quantity = ${params.add('quantity', filter.quantity, VARCHAR)}`,
    `ts >= ${params.add('from', msBound(filter.from), BIGINT)}`,
    `ts < ${params.add('to', msBound(filter.to), BIGINT)}`,
  ];
  if (filter.sensorIds !== undefined) clauses.push(sensorClause(filter.sensorIds, params));
  if (filter.districts !== undefined) {
    const districts = params.add('districts', listValue([...filter.districts]), LIST(VARCHAR));
    clauses.push(`list_contains(${districts}, district)`);
  }
  return clauses.join(' AND ');
}

/**
 * Columns: bucket, sensor_id (NULL when not grouped by sensor), count, sum, min, max, above (NULL
 * without a threshold). `every` must be a positive whole number of milliseconds.
 */
export function aggregateSql(query: AggregateQuery): BoundSql {
  const params = new SqlParams();
  const every = params.add('every', query.every, BIGINT);
  const where = filterClauses(query, params);
  const bySensor = query.groupBy === 'sensor';
  const above =
    query.threshold === undefined
      ? 'NULL::DOUBLE'
      : `(count(*) FILTER (WHERE value > ${params.add('threshold', query.threshold, DOUBLE)}))::DOUBLE`;
  const keys = bySensor ? 'bucket, sensor_id' : 'bucket';
  // DuckDB's % truncates toward zero; the double modulo floors, keeping buckets epoch-aligned before 1970.
  const sql = `SELECT bucket::DOUBLE, ${bySensor ? 'sensor_id' : 'NULL::VARCHAR'},
  count(*)::DOUBLE, sum(value), min(value), max(value), ${above}
FROM (
  SELECT ts - ((ts % ${every}) + ${every}) % ${every} AS bucket, sensor_id, value
  FROM readings WHERE ${where}
)
GROUP BY ${keys} ORDER BY ${keys}`;
  return params.bind(sql);
}

/** Columns: sensor_id, district, ts, value; in time order, then by sensor. */
export function readingsSql(filter: ReadingFilter): BoundSql {
  const params = new SqlParams();
  const where = filterClauses(filter, params);
  return params.bind(
    `SELECT sensor_id, district, ts::DOUBLE, value FROM readings WHERE ${where} ORDER BY ts, sensor_id`,
  );
}

/** Columns: sensor_id, quantity, district, ts, value; one row per sensor and quantity. */
export function latestSql(sensorIds: readonly string[] | undefined): BoundSql {
  const params = new SqlParams();
  const where = sensorIds === undefined ? '' : `WHERE ${sensorClause(sensorIds, params)}`;
  return params.bind(`SELECT sensor_id, quantity, arg_max(district, ts), max(ts)::DOUBLE, arg_max(value, ts)
FROM readings ${where}
GROUP BY sensor_id, quantity ORDER BY sensor_id, quantity`);
}
