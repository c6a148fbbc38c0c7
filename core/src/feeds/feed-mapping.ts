import type { Reading } from '../readings/reading.js';
import { checkPlausible } from '../readings/timestamps.js';
import { SENSOR_ID_PATTERN } from '../readings/topics.js';
import { acceptedUnits, toCanonicalUnit } from '../vocabulary/units.js';
import { QUANTITIES, QUANTITY_IDS, findQuantity, type QuantityId } from '../vocabulary/quantities.js';
import type { FeedErrorCode } from './feed-errors.js';
import type { Feed, SensorRef } from './feed.js';
import { showValue } from './show-value.js';
import { compileTimeFormat, type TimeParser } from './time-format.js';

/** A schema-valid feed that cannot work as written, with a JSON pointer relative to the feed. */
export interface FeedIssue {
  readonly path: string;
  readonly message: string;
}

/** One record of a payload: its 1-based data row, the file line it starts on (CSV), its cells. */
export interface SourceRow {
  readonly row: number;
  readonly line: number | null;
  readonly values: Readonly<Record<string, unknown>>;
}

/** Why a row (or one cell of it) was refused. Rows are reported, never thrown. */
export interface RowError {
  readonly row: number;
  readonly line: number | null;
  readonly column: string | null;
  readonly code: FeedErrorCode;
  readonly message: string;
}

type CompiledSensor = { kind: 'fixed'; id: string } | { kind: 'column'; column: string; prefix: string };

interface CompiledReading {
  readonly quantity: QuantityId;
  readonly column: string;
  readonly unit: string | undefined;
  readonly sensor: CompiledSensor;
}

/** A feed's mapping checked once and ready to apply to many rows. */
export interface FeedMapping {
  readonly feedId: string;
  /** Column(s) of the time; several are joined with spaces before parsing. */
  readonly timeColumns: readonly string[];
  /** How the time column(s) are named in error reports. */
  readonly timeColumn: string;
  readonly parseTime: TimeParser;
  readonly decimal: '.' | ',';
  readonly readings: readonly CompiledReading[];
  /** Every column the mapping reads, for checking a CSV header once. */
  readonly columns: readonly string[];
}

function compileSensor(ref: SensorRef): CompiledSensor {
  return typeof ref === 'string'
    ? { kind: 'fixed', id: ref }
    : { kind: 'column', column: ref.column, prefix: ref.prefix ?? '' };
}

function compileReadings(feed: Feed, issues: FeedIssue[]): CompiledReading[] {
  const compiled: CompiledReading[] = [];
  feed.readings.forEach((reading, i) => {
    const quantity = findQuantity(reading.quantity);
    const sensor = reading.sensor ?? feed.sensor;
    if (quantity === undefined)
      issues.push({
        path: `/readings/${i}/quantity`,
        message: `unknown quantity '${reading.quantity}'; use one of ${QUANTITY_IDS.join(', ')}`,
      });
    else if (reading.unit !== undefined && toCanonicalUnit(quantity, 1, reading.unit) === undefined)
      issues.push({
        path: `/readings/${i}/unit`,
        message: `unit '${reading.unit}' is not known for ${quantity}; use one of ${acceptedUnits(quantity).join(', ')}`,
      });
    if (sensor === undefined)
      issues.push({ path: `/readings/${i}/sensor`, message: 'no sensor: set it here or on the feed' });
    if (quantity !== undefined && sensor !== undefined)
      compiled.push({ quantity, column: reading.column, unit: reading.unit, sensor: compileSensor(sensor) });
  });
  return compiled;
}

function timeColumns(feed: Feed): string[] {
  return typeof feed.time.column === 'string' ? [feed.time.column] : [...feed.time.column];
}

/** Checks what the schema cannot (quantities, units, time format, sensors) and compiles the mapping. */
export function compileFeedMapping(
  feed: Feed,
): { ok: true; mapping: FeedMapping } | { ok: false; issues: FeedIssue[] } {
  const issues: FeedIssue[] = [];
  const time = compileTimeFormat(feed.time);
  if (!time.ok) issues.push({ path: '/time', message: time.reason });
  const readings = compileReadings(feed, issues);
  if (!time.ok || issues.length > 0) return { ok: false, issues };
  const columns = new Set(timeColumns(feed));
  for (const reading of readings) {
    columns.add(reading.column);
    if (reading.sensor.kind === 'column') columns.add(reading.sensor.column);
  }
  const mapping: FeedMapping = {
    feedId: feed.id,
    timeColumns: timeColumns(feed),
    timeColumn: timeColumns(feed).join('+'),
    parseTime: time.parse,
    decimal: feed.csv?.decimal ?? '.',
    readings,
    columns: [...columns],
  };
  return { ok: true, mapping };
}

/** A cell by column name, or by dot path into nested JSON (`properties.value`). */
export function feedCell(values: Readonly<Record<string, unknown>>, column: string): unknown {
  if (Object.hasOwn(values, column)) return values[column];
  if (!column.includes('.')) return undefined;
  let node: unknown = values;
  for (const key of column.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Cell<T> = { ok: true; value: T } | { ok: false; code: FeedErrorCode; message: string };

function numberCell(raw: unknown, decimal: '.' | ','): Cell<number> {
  if (raw === undefined)
    return { ok: false, code: 'FEED_ERR_MISSING_COLUMN', message: 'the field is absent' };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { ok: true, value: raw };
  if (raw === null || (typeof raw === 'string' && raw.trim() === ''))
    return { ok: false, code: 'FEED_ERR_EMPTY_VALUE', message: 'the value is empty' };
  const text = typeof raw === 'string' ? raw.trim() : '';
  const normalised = decimal === ',' ? text.replace(',', '.') : text;
  if (!NUMBER.test(normalised))
    return {
      ok: false,
      code: 'FEED_ERR_NOT_A_NUMBER',
      message: `${showValue(raw)} is not a number`,
    };
  return { ok: true, value: Number(normalised) };
}

function sensorCell(sensor: CompiledSensor, values: Readonly<Record<string, unknown>>): Cell<string> {
  if (sensor.kind === 'fixed') return { ok: true, value: sensor.id };
  const raw = feedCell(values, sensor.column);
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  const id = `${sensor.prefix}${text}`;
  if (text === '') return { ok: false, code: 'FEED_ERR_EMPTY_VALUE', message: 'the sensor id is empty' };
  return SENSOR_ID_PATTERN.test(id)
    ? { ok: true, value: id }
    : { ok: false, code: 'FEED_ERR_BAD_SENSOR_ID', message: `'${id.slice(0, 40)}' is not a valid sensor id` };
}

/** State kept across the rows of one pull: local times seen in the hour repeated at a DST change. */
export interface RowMappingContext {
  /** Device times later than this (plus clock drift) are refused; epoch ms. */
  readonly receivedAt: number;
  readonly repeatedLocalTimes: Set<string>;
}

export function newRowMappingContext(receivedAt: number): RowMappingContext {
  return { receivedAt, repeatedLocalTimes: new Set() };
}

function rowTime(mapping: FeedMapping, row: SourceRow, context: RowMappingContext): Cell<number> {
  const cells = mapping.timeColumns.map((column) => feedCell(row.values, column));
  const raw =
    cells.length === 1
      ? cells[0]
      : cells.some((c) => c === undefined || c === null || c === '')
        ? ''
        : // Only text and numbers join: a JSON object cell may carry a toString that is not a function.
          cells.map((c) => (typeof c === 'string' || typeof c === 'number' ? c : showValue(c))).join(' ');
  if (raw === undefined || raw === null || raw === '')
    return { ok: false, code: 'FEED_ERR_EMPTY_VALUE', message: 'the time is empty' };
  const parsed = mapping.parseTime(raw);
  if (!parsed.ok) return { ok: false, code: 'FEED_ERR_BAD_TIMESTAMP', message: parsed.reason };
  let ts = parsed.ts;
  // In the repeated hour, a file in time order lists the first occurrence before the second.
  if (parsed.later !== undefined) {
    const key = String(raw);
    if (context.repeatedLocalTimes.has(key)) ts = parsed.later;
    else context.repeatedLocalTimes.add(key);
  }
  const plausible = checkPlausible(ts, context.receivedAt);
  return plausible.ok
    ? { ok: true, value: ts }
    : { ok: false, code: 'FEED_ERR_BAD_TIMESTAMP', message: plausible.reason };
}

/**
 * Maps one row to readings; a bad time refuses the whole row, a bad cell only its reading.
 * Reports one error per refused cell.
 */
export function mapFeedRow(
  mapping: FeedMapping,
  row: SourceRow,
  context: RowMappingContext,
  report: (error: RowError) => void,
): Reading[] {
  const fail = (column: string | null, cell: { code: FeedErrorCode; message: string }) =>
    report({ row: row.row, line: row.line, column, code: cell.code, message: cell.message });
  const ts = rowTime(mapping, row, context);
  if (!ts.ok) {
    fail(mapping.timeColumn, ts);
    return [];
  }
  const readings: Reading[] = [];
  for (const spec of mapping.readings) {
    const sensorId = sensorCell(spec.sensor, row.values);
    if (!sensorId.ok) {
      fail(spec.sensor.kind === 'column' ? spec.sensor.column : null, sensorId);
      continue;
    }
    const raw = numberCell(feedCell(row.values, spec.column), mapping.decimal);
    if (!raw.ok) {
      fail(spec.column, raw);
      continue;
    }
    // Units were checked when the mapping was compiled, so the conversion exists.
    const value = toCanonicalUnit(spec.quantity, raw.value, spec.unit) ?? Number.NaN;
    const { min, max, unit } = QUANTITIES[spec.quantity];
    if (!(value >= min && value <= max)) {
      fail(spec.column, {
        code: 'FEED_ERR_OUT_OF_RANGE',
        message: `${spec.quantity} ${value} ${unit} is outside the plausible range ${min}…${max}`,
      });
      continue;
    }
    readings.push({ sensorId: sensorId.value, quantity: spec.quantity, value, ts: ts.value });
  }
  return readings;
}
