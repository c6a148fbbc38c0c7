import type { QuantityId } from '@ssc-monitor/core';
import { SimulatorError } from '../errors.js';
import type { ReplayMapping } from './mapping.js';
import { compileTimeFormat } from './time-format.js';
import { instantsOf, type WallTime } from './zoned-time.js';

/** One value of a row, as the file gives it: unit conversion is left to the ingest. */
export interface ReplayValue {
  readonly quantity: QuantityId;
  readonly value: number;
  readonly unit: string | undefined;
}

/** The readings of one sensor in one row. */
export interface RowMessage {
  readonly sensorId: string;
  /** Epoch ms. */
  readonly ts: number;
  readonly values: readonly ReplayValue[];
}

export type RowResult =
  | { readonly ok: true; readonly ts: number; readonly messages: RowMessage[]; readonly missing: number }
  | { readonly ok: false; readonly problem: string };

export interface RowReader {
  read(fields: readonly string[]): RowResult;
}

const DEFAULT_MISSING = ['', 'NA', 'NaN', 'null'];
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const ZONED = /(Z|[+-]\d{2}:?\d{2})$/;

function isoWall(text: string): WallTime | undefined {
  const m = ISO_LOCAL.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return {
    year: n(1),
    month: n(2),
    day: n(3),
    hour: n(4),
    minute: n(5),
    second: n(6),
    millisecond: Number((m[7] ?? '0').padEnd(3, '0')),
  };
}

/** A row's time as epoch ms, or why it has none. */
type TimeOf = (text: string, key: string) => number | { readonly problem: string };

/**
 * Reads a row's time. Wall times are placed in the mapping's zone; in the hour a daylight-saving
 * change repeats, the first instant later than the previous row of the same sensors is taken, so
 * the repeated hour maps to summer time and then to winter time, as the file's order says. A wall
 * time in the hour the change skips names no instant: the row is refused, as imports and feeds
 * refuse it. (Shifting it an hour on would put it on the next row's instant, and which of the two
 * a store keeps would then depend on arrival order.)
 */
function timeReader(time: ReplayMapping['time']): TimeOf {
  const zone = time.timeZone ?? 'UTC';
  const unreadable = (text: string) => ({
    problem: `time '${text.slice(0, 40)}' does not match '${time.format}'`,
  });
  const previous = new Map<string, number>();
  const place = (wall: WallTime | undefined, text: string, key: string) => {
    if (wall === undefined) return unreadable(text);
    const candidates = instantsOf(wall, zone);
    const last = previous.get(key) ?? -Infinity;
    const t = candidates.find((c) => c > last) ?? candidates[0];
    if (t === undefined)
      return { problem: `local time '${text}' does not exist in ${zone} (skipped when clocks went forward)` };
    previous.set(key, t);
    return t;
  };
  if (time.format === 'epoch-ms' || time.format === 'epoch-s') {
    const scale = time.format === 'epoch-s' ? 1000 : 1;
    return (text) =>
      /^-?\d+(\.\d+)?$/.test(text.trim()) ? Math.round(Number(text) * scale) : unreadable(text);
  }
  if (time.format === 'iso') {
    return (text, key) => {
      if (!ZONED.test(text)) return place(isoWall(text.trim()), text, key);
      const t = Date.parse(text);
      return Number.isNaN(t) ? unreadable(text) : t;
    };
  }
  const parse = compileTimeFormat(time.format);
  return (text, key) => place(parse(text), text, key);
}

function columnIndex(header: readonly string[], missing: Set<string>): (name: string) => number {
  const trimmed = header.map((h) => h.trim());
  return (name) => {
    const i = trimmed.indexOf(name);
    if (i < 0) missing.add(name);
    return i;
  };
}

interface BoundSensor {
  readonly id: string | undefined;
  readonly idColumn: number;
  readonly idPrefix: string;
  readonly quantities: ReadonlyArray<{ quantity: QuantityId; column: number; unit: string | undefined }>;
}

function bindSensors(mapping: ReplayMapping, index: (name: string) => number): BoundSensor[] {
  return mapping.sensors.map((s) => ({
    id: s.id,
    idColumn: s.idColumn === undefined ? -1 : index(s.idColumn),
    idPrefix: s.idPrefix ?? '',
    quantities: Object.entries(s.quantities).map(([quantity, spec]) => ({
      quantity: quantity as QuantityId,
      column: index(typeof spec === 'string' ? spec : spec.column),
      unit: typeof spec === 'string' ? undefined : spec.unit,
    })),
  }));
}

/**
 * Binds a mapping to a file's header row. Fails with SIM_ERR_BAD_CSV naming every column the
 * mapping needs and the header lacks.
 */
export function bindMapping(mapping: ReplayMapping, header: readonly string[]): RowReader {
  const missingColumns = new Set<string>();
  const index = columnIndex(header, missingColumns);
  const timeColumns = (mapping.time.columns ?? [mapping.time.column ?? '']).map(index);
  const sensors = bindSensors(mapping, index);
  if (missingColumns.size > 0)
    throw new SimulatorError(
      'SIM_ERR_BAD_CSV',
      `the file has no column ${[...missingColumns].map((c) => `'${c}'`).join(', ')} (columns: ${header.join(', ')})`,
    );
  const timeOf = timeReader(mapping.time);
  const missing = new Set(mapping.missing ?? DEFAULT_MISSING);
  return {
    read(fields) {
      const key = sensors.map((s) => (s.idColumn < 0 ? '' : (fields[s.idColumn] ?? ''))).join('\u0000');
      const text = timeColumns.map((i) => (fields[i] ?? '').trim()).join(' ');
      const ts = timeOf(text, key);
      if (typeof ts !== 'number') return { ok: false, problem: ts.problem };
      let skipped = 0;
      const messages: RowMessage[] = [];
      for (const sensor of sensors) {
        const sensorId = sensor.id ?? `${sensor.idPrefix}${(fields[sensor.idColumn] ?? '').trim()}`;
        const values: ReplayValue[] = [];
        for (const { quantity, column, unit } of sensor.quantities) {
          const cell = (fields[column] ?? '').trim();
          const value = missing.has(cell) ? NaN : Number(cell);
          if (Number.isFinite(value)) values.push({ quantity, value, unit });
          else skipped += 1;
        }
        if (values.length > 0) messages.push({ sensorId, ts, values });
      }
      return { ok: true, ts, messages, missing: skipped };
    },
  };
}
