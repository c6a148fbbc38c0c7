import { escape } from '@influxdata/influxdb-client';
import type { StoredReading } from '@ssc-monitor/core';
import { StoreError } from '../store-error.js';

export const MEASUREMENT = 'readings';
export const FIELD = 'value';
export const TAG_SENSOR = 'sensor';
export const TAG_QUANTITY = 'quantity';
export const TAG_DISTRICT = 'district';
/**
 * Roll-ups live in `readings` too, as points tagged `resolution=1h` or `1d` with fields count,
 * sum, min and max at their bucket's start; raw readings have no resolution tag. District roll-ups
 * (`district-1h`, `district-1d`) merge the sensors of a district and have no sensor tag.
 */
export const TAG_RESOLUTION = 'resolution';
export const RESOLUTION_TAGS = {
  hour: '1h',
  day: '1d',
  districtHour: 'district-1h',
  districtDay: 'district-1d',
} as const;
export type RollupResolution = keyof typeof RESOLUTION_TAGS;

/**
 * Largest |timestamp| InfluxDB can hold, in ms: it stores int64 nanoseconds, and the extremes of
 * that range are reserved.
 */
export const MAX_TIME_MS = 9_223_372_036_853;

/**
 * Line protocol cannot carry a newline in a tag value, and backslashes do not round-trip: InfluxDB
 * keeps an escaping backslash in the stored value, and one at the end of a value escapes the
 * separator after it. So `%`, `\` and control characters are percent-encoded before the protocol's
 * own escaping, and decoded on read. Ids core accepts contain none of them, so their tags read as is.
 */
const needsEncoding = (code: number): boolean =>
  code < 0x20 || code === 0x7f || code === 0x25 /* % */ || code === 0x5c; /* \ */

export function encodeTagValue(value: string): string {
  let encoded = '';
  let from = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (!needsEncoding(code)) continue;
    encoded += `${value.slice(from, i)}%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    from = i + 1;
  }
  return from === 0 ? value : encoded + value.slice(from);
}

export function decodeTagValue(value: string): string {
  if (!value.includes('%')) return value;
  return value.replace(/%([0-9A-F]{2})/g, (_match, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** A tag value ready for a line: encoded, then escaped with the client's tag escaper. */
function tagValue(value: string): string {
  return escape.tag(encodeTagValue(value));
}

const PREFIX = escape.measurement(MEASUREMENT);
const FIELD_KEY = escape.tag(FIELD);

function invalid(index: number, what: string): StoreError {
  return new StoreError('STORE_ERR_WRITE', `reading ${index} of the batch ${what}`);
}

/** One line; tags in key order, as InfluxDB sorts them anyway. */
function toLine(reading: StoredReading, index: number): string {
  if (reading.sensorId === '' || reading.district === '' || reading.quantity.length === 0) {
    // InfluxDB drops empty tag values, which would silently merge points of different sensors.
    throw invalid(index, 'has an empty sensor id, quantity or district');
  }
  if (!Number.isFinite(reading.value)) throw invalid(index, `has no finite value (${reading.value})`);
  const ts = Math.round(reading.ts);
  if (!Number.isFinite(ts) || Math.abs(ts) > MAX_TIME_MS) {
    throw invalid(index, `has a ts InfluxDB cannot store (${reading.ts})`);
  }
  // String(number) may use exponent notation (1e+21, 1.5e-7); InfluxDB parses that as a float.
  return (
    `${PREFIX},${TAG_DISTRICT}=${tagValue(reading.district)},${TAG_QUANTITY}=${tagValue(reading.quantity)}` +
    `,${TAG_SENSOR}=${tagValue(reading.sensorId)} ${FIELD_KEY}=${String(reading.value)} ${ts}`
  );
}

/**
 * Line protocol for `readings[start..end)`, ms precision, one line per reading and in batch order,
 * so that the last of duplicate points wins as it does in the embedded store. Throws
 * STORE_ERR_WRITE, naming the reading's index in `readings`, for a reading InfluxDB could not
 * store faithfully.
 */
export function toLineProtocol(readings: readonly StoredReading[], start = 0, end = readings.length): string {
  const lines = new Array<string>(Math.max(0, end - start));
  for (let i = start; i < end; i += 1) lines[i - start] = toLine(readings[i]!, i);
  return lines.join('\n');
}

/** One roll-up bucket of one series; tag values in their stored (encoded) form, as queries return them. */
export interface RollupPoint {
  /** Empty for a district roll-up, which merges every sensor of its district. */
  readonly sensor: string;
  readonly quantity: string;
  readonly district: string;
  readonly bucket: number;
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

/** A roll-up point's line; `count` is an integer field, the others floats. */
export function rollupLine(point: RollupPoint, resolution: RollupResolution): string {
  const sensor = point.sensor === '' ? '' : `,${TAG_SENSOR}=${escape.tag(point.sensor)}`;
  const tags =
    `${TAG_DISTRICT}=${escape.tag(point.district)},${TAG_QUANTITY}=${escape.tag(point.quantity)},` +
    `${TAG_RESOLUTION}=${RESOLUTION_TAGS[resolution]}${sensor}`;
  const fields = `count=${point.count}i,sum=${String(point.sum)},min=${String(point.min)},max=${String(point.max)}`;
  return `${PREFIX},${tags} ${fields} ${point.bucket}`;
}
