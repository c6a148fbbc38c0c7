import type { AggregateQuery, ReadingFilter } from '@ssc-monitor/core';
import type { Span } from '../rollup-plan.js';
import { StoreError } from '../store-error.js';
import {
  FIELD,
  MAX_TIME_MS,
  MEASUREMENT,
  RESOLUTION_TAGS,
  TAG_DISTRICT,
  TAG_QUANTITY,
  TAG_RESOLUTION,
  TAG_SENSOR,
  encodeTagValue,
  type RollupResolution,
} from './line-protocol.js';

/*
 * InfluxQL has no bound parameters over every server version this adapter speaks to, so every
 * value from outside reaches a statement through one of the quoting functions below. They follow
 * the server's own QuoteString/QuoteIdent: inside quotes the scanner knows `\\`, `\n`, `\'` and
 * `\"`, and a raw newline ends the statement with an error.
 */

/** A single-quoted string literal. */
export function quoteString(value: string): string {
  return `'${value.replace(/[\\'\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`))}'`;
}

/** Every time InfluxDB can store, explicitly: servers that default the upper bound to now() would hide future points. */
export const ALL_TIME = `time >= ${-MAX_TIME_MS}ms AND time <= ${MAX_TIME_MS}ms`;

/** A double-quoted identifier (database, measurement, tag or field name). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`))}"`;
}

/** `'x'` for the stored (encoded) form of a tag value. */
const tagLiteral = (value: string): string => quoteString(encodeTagValue(value));

/** Expands `1.5e-7` or `1e+21` into plain digits, since the scanner rejects exponents. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign, lead, rest = '', exp] = match;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A numeric literal that parses back to the same double. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) {
    throw new StoreError('STORE_ERR_QUERY', `not a finite number: ${value}`);
  }
  return expandExponent(String(value === 0 ? 0 : value));
}

/**
 * A time bound as an epoch literal (`1772323200000ms`). Stored times are whole milliseconds, so a
 * fractional bound is rounded up, which keeps `>= from` and `< to` exact; bounds beyond what
 * InfluxDB can store are clamped to its range.
 */
export function timeLiteral(ms: number): string {
  if (Number.isNaN(ms)) throw new StoreError('STORE_ERR_QUERY', 'time bound is NaN');
  const clamped = Math.min(Math.max(Math.ceil(ms), -MAX_TIME_MS), MAX_TIME_MS + 1);
  return `${clamped === 0 ? 0 : clamped}ms`;
}

/** `(tag = 'a' OR tag = 'b')`; callers never pass an empty list (see `matchesNothing`). */
function anyOf(tag: string, values: readonly string[]): string {
  return `(${values.map((value) => `${quoteIdent(tag)} = ${tagLiteral(value)}`).join(' OR ')})`;
}

/** True when the filter cannot match a reading, so that no statement needs to be sent. */
export function matchesNothing(filter: ReadingFilter): boolean {
  return (
    filter.sensorIds?.length === 0 ||
    filter.districts?.length === 0 ||
    Math.ceil(filter.from) >= Math.ceil(filter.to)
  );
}

/**
 * Conditions on a filter's points of one resolution: raw readings by default. `= ''` matches a
 * missing tag, so raw reads never see roll-up points, and roll-up reads never see raw ones.
 */
export function whereClause(filter: ReadingFilter, resolution?: RollupResolution): string {
  const tag = resolution === undefined ? '' : RESOLUTION_TAGS[resolution];
  const clauses = [
    `${quoteIdent(TAG_QUANTITY)} = ${tagLiteral(filter.quantity)}`,
    `${quoteIdent(TAG_RESOLUTION)} = ${quoteString(tag)}`,
    `time >= ${timeLiteral(filter.from)}`,
    `time < ${timeLiteral(filter.to)}`,
  ];
  if (filter.sensorIds !== undefined) clauses.push(anyOf(TAG_SENSOR, filter.sensorIds));
  if (filter.districts !== undefined) clauses.push(anyOf(TAG_DISTRICT, filter.districts));
  return clauses.join(' AND ');
}

export const FROM = `FROM ${quoteIdent(MEASUREMENT)}`;
const VALUE = quoteIdent(FIELD);
/** The raw fields, by the names roll-up queries give their sums too. */
export const RAW_FIELDS = `count(${VALUE}) AS "count", sum(${VALUE}) AS "sum", min(${VALUE}) AS "min", max(${VALUE}) AS "max"`;
/** Roll-up points merged, by the same names. */
export const ROLLUP_FIELDS =
  'sum("count") AS "count", sum("sum") AS "sum", min("min") AS "min", max("max") AS "max"';

/**
 * Bucketed count, sum, min and max. InfluxQL aligns GROUP BY time() buckets to the Unix epoch and
 * reports each bucket by its start, even when `from` falls inside it, which is the port's rule.
 * With `above`, only readings strictly above it are counted: the threshold query.
 */
export function aggregateStatement(query: AggregateQuery, above?: number): string {
  if (!Number.isSafeInteger(query.every) || query.every <= 0) {
    throw new StoreError(
      'STORE_ERR_QUERY',
      `bucket width must be a positive whole number of ms, got ${query.every}`,
    );
  }
  const fields = above === undefined ? RAW_FIELDS : `count(${VALUE}) AS "count"`;
  const where =
    above === undefined ? whereClause(query) : `${whereClause(query)} AND ${VALUE} > ${numberLiteral(above)}`;
  const sensor = query.groupBy === 'sensor' ? `, ${quoteIdent(TAG_SENSOR)}` : '';
  return `SELECT ${fields} ${FROM} WHERE ${where} GROUP BY time(${query.every}ms)${sensor} fill(none)`;
}

/** Raw readings; the server orders them by time only, so the caller sorts ties by sensor. */
export function readingsStatement(filter: ReadingFilter): string {
  return `SELECT ${VALUE}, ${quoteIdent(TAG_SENSOR)}, ${quoteIdent(TAG_DISTRICT)} ${FROM} WHERE ${whereClause(filter)}`;
}

/**
 * The last reading of every series. District is a grouping key too, so a sensor that moved
 * district yields one row per district and the caller keeps the newest. The explicit full time
 * range keeps servers that default the upper bound to now() from hiding future-dated readings.
 */
export function latestStatement(sensorIds?: readonly string[]): string {
  const range = `${quoteIdent(TAG_RESOLUTION)} = '' AND ${ALL_TIME}`;
  const where = sensorIds === undefined ? range : `${range} AND ${anyOf(TAG_SENSOR, sensorIds)}`;
  const keys = [TAG_SENSOR, TAG_QUANTITY, TAG_DISTRICT].map(quoteIdent).join(', ');
  return `SELECT last(${VALUE}) ${FROM} WHERE ${where} GROUP BY ${keys}`;
}

/**
 * Buckets of `every` ms from the roll-ups of `resolution` in `span`, as `aggregateStatement` gives
 * them from raw readings (same columns, same grouping).
 */
export function rollupAggregateStatement(
  query: AggregateQuery,
  span: Span,
  resolution: RollupResolution,
): string {
  const where = whereClause({ ...query, ...span }, resolution);
  const sensor = query.groupBy === 'sensor' ? `, ${quoteIdent(TAG_SENSOR)}` : '';
  return `SELECT ${ROLLUP_FIELDS} ${FROM} WHERE ${where} GROUP BY time(${query.every}ms)${sensor} fill(none)`;
}

/** Idempotent on 1.x: creating an existing database is not an error. */
export function createDatabaseStatement(database: string): string {
  return `CREATE DATABASE ${quoteIdent(database)}`;
}
