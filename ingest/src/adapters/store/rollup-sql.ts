import { BIGINT, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { AggregateQuery, ReadingFilter } from '@ssc-monitor/core';
import { SqlParams, type BoundSql } from './bound-sql.js';
import {
  CITY_DAILY,
  CITY_HOURLY,
  CREATE_CITY_ROLLUPS,
  cityDaysSql,
  cityHoursSql,
} from './city-rollup-sql.js';
import {
  CREATE_DISTRICT_ROLLUPS,
  DISTRICT_DAILY,
  DISTRICT_HOURLY,
  districtDaysSql,
  districtHoursSql,
} from './district-rollup-sql.js';
import { floored } from './merged-rollup-sql.js';
import { DAY_MS, HOUR_MS, NEVER, ceilTo, floorTo, type AggregatePlan, type Span } from './rollup-plan.js';

export const HOURLY = 'rollups_1h';
export const DIRTY_TABLE = 'rollup_dirty';
export const DAILY = 'rollups_1d';
export type RollupTable = typeof HOURLY | typeof DAILY;

/**
 * One row per (quantity, sensor, district, bucket) after a recompute. No key: an hour whose raw
 * readings are gone takes late readings as extra rows, and every reader groups anyway.
 */
const createRollups = (table: RollupTable): string => `CREATE TABLE IF NOT EXISTS ${table} (
  quantity VARCHAR NOT NULL,
  sensor_id VARCHAR NOT NULL,
  district VARCHAR NOT NULL,
  bucket BIGINT NOT NULL,
  value_count BIGINT NOT NULL,
  value_sum DOUBLE NOT NULL,
  value_min DOUBLE NOT NULL,
  value_max DOUBLE NOT NULL
)`;

/**
 * Hours written since the last maintenance, marked in the write's transaction; no key, since a
 * key check per batch costs more than the odd duplicate mark, which readers skip. `rollup_state`
 * holds `sealed_before`: raw readings before it were deleted. A database from before roll-ups has
 * readings but no state row yet; all its hours are marked once, so the first maintenance rolls
 * them up.
 */
export const CREATE_ROLLUPS: readonly string[] = [
  createRollups(HOURLY),
  createRollups(DAILY),
  `CREATE TABLE IF NOT EXISTS ${DIRTY_TABLE} (quantity VARCHAR NOT NULL, hour BIGINT NOT NULL)`,
  'CREATE TABLE IF NOT EXISTS rollup_state (sealed_before BIGINT NOT NULL)',
  `INSERT INTO rollup_dirty SELECT DISTINCT quantity, ${floored('ts', HOUR_MS)} FROM readings
WHERE NOT EXISTS (SELECT 1 FROM rollup_state)`,
  `INSERT INTO rollup_state SELECT ${NEVER} WHERE NOT EXISTS (SELECT 1 FROM rollup_state)`,
  ...CREATE_DISTRICT_ROLLUPS,
  ...CREATE_CITY_ROLLUPS,
];

/** Columns: hour; every marked hour (of any quantity), in order. */
export const SELECT_DIRTY_HOURS = 'SELECT DISTINCT hour::DOUBLE FROM rollup_dirty ORDER BY 1';
export const CLEAR_DIRTY = 'DELETE FROM rollup_dirty';
export const SELECT_SEALED = 'SELECT sealed_before::DOUBLE FROM rollup_state';

/** Columns: hour; the marked hours of one quantity in [from, to), in order. */
export function dirtyHoursSql(quantity: string, span: Span): BoundSql {
  const params = new SqlParams();
  const q = params.add('quantity', quantity, VARCHAR);
  const from = params.add('from', span.from, BIGINT);
  const to = params.add('to', span.to, BIGINT);
  return params.bind(
    `SELECT DISTINCT hour::DOUBLE FROM rollup_dirty WHERE quantity = ${q} AND hour >= ${from} AND hour < ${to} ORDER BY 1`,
  );
}

/** A statement over the marked hours in [from, to); DuckDB refuses parameters a statement does not use. */
function overMarked(sql: string, extent: Span, sealedBefore?: number): BoundSql {
  const params = new SqlParams();
  params.add('from', extent.from, BIGINT);
  params.add('to', extent.to, BIGINT);
  if (sealedBefore !== undefined) params.add('sealed', sealedBefore, BIGINT);
  return params.bind(sql);
}

const MARKED = 'SELECT DISTINCT quantity, hour FROM rollup_dirty WHERE hour >= $from AND hour < $to';
const MARKED_DAYS = `SELECT DISTINCT quantity, ${floored('hour', DAY_MS)} AS day FROM rollup_dirty WHERE hour >= $from AND hour < $to`;

const HOUR_OF_R = floored('r.ts', HOUR_MS);
const DAY_OF_H = floored('h.bucket', DAY_MS);

/** Drops the roll-up rows of the open (not sealed) marked hours, which are recomputed next. */
const CLEAR_OPEN_HOURS = `DELETE FROM ${HOURLY} USING (${MARKED} AND hour >= $sealed) m
WHERE ${HOURLY}.quantity = m.quantity AND ${HOURLY}.bucket = m.hour
  AND ${HOURLY}.bucket >= $from AND ${HOURLY}.bucket < $to`;

/** Rows from raw readings for every marked hour: all of an open hour, the late ones of a sealed hour. */
const INSERT_HOURS = `INSERT INTO ${HOURLY} SELECT r.quantity, r.sensor_id, r.district, ${HOUR_OF_R},
  count(*), sum(r.value), min(r.value), max(r.value)
FROM readings r JOIN (${MARKED}) m ON r.quantity = m.quantity AND ${HOUR_OF_R} = m.hour
WHERE r.ts >= $from AND r.ts < $to GROUP BY ALL`;

/** Late readings of sealed hours, now counted in their roll-ups. */
const DELETE_SEALED_RAW = `DELETE FROM readings r USING (${MARKED} AND hour < $sealed) m
WHERE r.quantity = m.quantity AND ${HOUR_OF_R} = m.hour AND r.ts >= $from AND r.ts < $to`;

/**
 * One maintenance pass over the marked hours in `extent`, all quantities at once: each statement
 * joins the marks, and scans raw readings (or hourly roll-ups) of `extent` only, a range DuckDB
 * prunes row groups by. Open hours are recomputed from raw readings (their roll-up rows replaced,
 * so a rewritten reading counts once with its last value). Sealed hours, whose raw readings are
 * gone, take the readings written since as extra rows, and those are deleted like the others.
 */
export function rollUpSql(extent: Span, sealedBefore: number): BoundSql[] {
  const statements = [overMarked(CLEAR_OPEN_HOURS, extent, sealedBefore), overMarked(INSERT_HOURS, extent)];
  if (extent.from < sealedBefore) statements.push(overMarked(DELETE_SEALED_RAW, extent, sealedBefore));
  const districts = [...districtHoursSql(MARKED), ...cityHoursSql(MARKED)].map((sql) =>
    overMarked(sql, extent),
  );
  return [...statements, ...districts, ...rollUpDaysSql(extent)];
}

/** Recomputes the days of the marked hours from their hourly roll-ups (per sensor and per district). */
function rollUpDaysSql(extent: Span): BoundSql[] {
  // Literal bounds: whole numbers computed here, which DuckDB prunes row groups by.
  const inDays = (column: string): string =>
    `${column} >= ${floorTo(extent.from, DAY_MS)} AND ${column} < ${ceilTo(extent.to, DAY_MS)}`;
  return [
    overMarked(
      `DELETE FROM ${DAILY} USING (${MARKED_DAYS}) m
WHERE ${DAILY}.quantity = m.quantity AND ${DAILY}.bucket = m.day AND ${inDays(`${DAILY}.bucket`)}`,
      extent,
    ),
    overMarked(
      `INSERT INTO ${DAILY} SELECT h.quantity, h.sensor_id, h.district, ${DAY_OF_H},
  sum(h.value_count), sum(h.value_sum), min(h.value_min), max(h.value_max)
FROM ${HOURLY} h JOIN (${MARKED_DAYS}) m ON h.quantity = m.quantity AND ${DAY_OF_H} = m.day
WHERE ${inDays('h.bucket')} GROUP BY ALL`,
      extent,
    ),
    ...[...districtDaysSql(MARKED_DAYS, inDays), ...cityDaysSql(MARKED_DAYS, inDays)].map((sql) =>
      overMarked(sql, extent),
    ),
  ];
}

/** Deletes raw readings before `cutoff` and moves the seal there. */
export function purgeRawSql(cutoff: number): BoundSql[] {
  const params = new SqlParams();
  params.add('cutoff', cutoff, BIGINT);
  return [
    params.bind('DELETE FROM readings WHERE ts < $cutoff'),
    params.bind('UPDATE rollup_state SET sealed_before = $cutoff'),
  ];
}

/** Quantity, sensor and district conditions, shared by every part of a planned query. */
function tagClauses(filter: ReadingFilter, params: SqlParams): string {
  const clauses = [`quantity = ${params.add('quantity', filter.quantity, VARCHAR)}`];
  if (filter.sensorIds !== undefined) {
    clauses.push(
      `list_contains(${params.add('sensors', listValue([...filter.sensorIds]), LIST(VARCHAR))}, sensor_id)`,
    );
  }
  if (filter.districts !== undefined) {
    clauses.push(
      `list_contains(${params.add('districts', listValue([...filter.districts]), LIST(VARCHAR))}, district)`,
    );
  }
  return clauses.join(' AND ');
}

const RAW_PART =
  'SELECT ts AS t, sensor_id, 1::DOUBLE AS n, value AS s, value AS lo, value AS hi FROM readings';
const rollupPart = (table: RollupTable): string =>
  `SELECT bucket AS t, sensor_id, value_count::DOUBLE AS n, value_sum AS s, value_min AS lo, value_max AS hi FROM ${table}`;
/** A district or city roll-up table, sensors merged. */
const districtPart = (table: string): string =>
  `SELECT bucket AS t, NULL::VARCHAR AS sensor_id, value_count::DOUBLE AS n, value_sum AS s, value_min AS lo, value_max AS hi FROM ${table}`;

/**
 * Sensors merged and none picked out: the district roll-ups hold the same totals in a few rows
 * per bucket (one per district) instead of one per sensor.
 */
const mergesSensors = (query: AggregateQuery): boolean =>
  query.groupBy === 'none' && query.sensorIds === undefined;

/** The hourly and daily parts' SELECTs: city rows for the whole city, district rows for districts. */
function rollupSources(query: AggregateQuery): [string, string] {
  if (!mergesSensors(query)) return [rollupPart(HOURLY), rollupPart(DAILY)];
  if (query.districts === undefined) return [districtPart(CITY_HOURLY), districtPart(CITY_DAILY)];
  return [districtPart(DISTRICT_HOURLY), districtPart(DISTRICT_DAILY)];
}

/**
 * A planned aggregate: one SELECT per span (a single range per scan lets DuckDB skip row groups
 * by their min/max, which an OR of ranges defeats), re-bucketed and merged. Columns as
 * `aggregateSql`; undefined when the plan reads nothing.
 */
export function plannedAggregateSql(query: AggregateQuery, plan: AggregatePlan): BoundSql | undefined {
  const params = new SqlParams();
  const tags = tagClauses(query, params);
  const parts: string[] = [];
  const addParts = (spans: readonly Span[], select: string, time: string): void => {
    for (const span of spans) {
      const from = params.add(`f${parts.length}`, span.from, BIGINT);
      const to = params.add(`t${parts.length}`, span.to, BIGINT);
      parts.push(`${select} WHERE ${tags} AND ${time} >= ${from} AND ${time} < ${to}`);
    }
  };
  addParts(plan.raw, RAW_PART, 'ts');
  const [hourly, daily] = rollupSources(query);
  addParts(plan.hourly, hourly, 'bucket');
  addParts(plan.daily, daily, 'bucket');
  if (parts.length === 0) return undefined;
  const every = params.add('every', query.every, BIGINT);
  const bySensor = query.groupBy === 'sensor';
  const keys = bySensor ? 'bucket, sensor_id' : 'bucket';
  return params.bind(`SELECT bucket::DOUBLE, ${bySensor ? 'sensor_id' : 'NULL::VARCHAR'},
  sum(n), sum(s), min(lo), max(hi), NULL::DOUBLE
FROM (SELECT ${floored('t', every)} AS bucket, sensor_id, n, s, lo, hi FROM (
${parts.join('\nUNION ALL\n')}
))
GROUP BY ${keys} ORDER BY ${keys}`);
}
