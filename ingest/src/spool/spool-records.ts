import {
  REJECTION_CODES,
  isQuantityId,
  type DeadLetter,
  type QuantityId,
  type Reading,
  type RejectionCode,
  type StoredReading,
} from '@ssc-monitor/core';

/**
 * One line per record, so that a segment is cheap to write and to read back:
 * `R[sensorId,quantity,value,ts,district]` for a reading, `D{…dead letter…}` for a rejected message.
 */
const READING = 'R';
const LETTER = 'D';

/**
 * The district is passed beside the reading, not merged into a copy of it: one object less per
 * reading on the hot path. Values and times are finite numbers (validated), which print as JSON.
 */
export function encodeReading(reading: Reading, district: string): string {
  const { sensorId, quantity, value, ts } = reading;
  return `${READING}[${JSON.stringify(sensorId)},"${quantity}",${value},${ts},${JSON.stringify(district)}]\n`;
}

export function encodeLetter(letter: DeadLetter): string {
  return `${LETTER}${JSON.stringify(letter)}\n`;
}

/**
 * What one append to the spool holds, as it is in memory: the readings of one message and their
 * district, or one dead letter. The spool keeps these beside a segment's file while it can.
 */
export type SpoolItem =
  { readonly readings: readonly Reading[]; readonly district: string } | { readonly letter: DeadLetter };

export interface DecodedSegment {
  readonly readings: StoredReading[];
  readonly letters: DeadLetter[];
  /** Lines that are not a record (a segment written by an incompatible version). */
  readonly unreadable: number;
}

const rejectionCodes: ReadonlySet<string> = new Set(REJECTION_CODES);

function toReading(fields: unknown): StoredReading | undefined {
  if (!Array.isArray(fields) || fields.length !== 5) return undefined;
  const [sensorId, quantity, value, ts, district] = fields as unknown[];
  if (typeof sensorId !== 'string' || typeof quantity !== 'string' || !isQuantityId(quantity))
    return undefined;
  if (typeof value !== 'number' || typeof ts !== 'number' || typeof district !== 'string') return undefined;
  return { sensorId, quantity, value, ts, district };
}

function toLetter(value: unknown): DeadLetter | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const letter = value as Record<string, unknown>;
  const { topic, sensorId, code, reason, payloadExcerpt, payloadBytes, receivedAt } = letter;
  const valid =
    typeof topic === 'string' &&
    (sensorId === null || typeof sensorId === 'string') &&
    typeof code === 'string' &&
    rejectionCodes.has(code) &&
    typeof reason === 'string' &&
    typeof payloadExcerpt === 'string' &&
    typeof payloadBytes === 'number' &&
    typeof receivedAt === 'number';
  if (!valid) return undefined;
  return { topic, sensorId, code: code as RejectionCode, reason, payloadExcerpt, payloadBytes, receivedAt };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a segment back; never throws, a line it cannot read is counted instead. */
export function decodeSegment(body: string): DecodedSegment {
  const readings: StoredReading[] = [];
  const letters: DeadLetter[] = [];
  let unreadable = 0;
  for (const line of body.split('\n')) {
    if (line.length === 0) continue;
    const parsed = parseJson(line.slice(1));
    if (line.startsWith(READING)) {
      const reading = toReading(parsed);
      if (reading) readings.push(reading);
      else unreadable += 1;
    } else {
      const letter = line.startsWith(LETTER) ? toLetter(parsed) : undefined;
      if (letter) letters.push(letter);
      else unreadable += 1;
    }
  }
  return { readings, letters, unreadable };
}

/**
 * The records of a segment in memory, in columns: it stays alive until the segment is stored (a
 * second or so under load), and one object per reading kept that long is promoted to the old
 * generation, which cost more collection time than reading the file back saves.
 */
export interface SegmentColumns {
  readonly sensorIds: readonly string[];
  readonly quantities: readonly QuantityId[];
  readonly districts: readonly string[];
  readonly values: Float64Array;
  readonly times: Float64Array;
  readonly letters: readonly DeadLetter[];
}

/** Interned sensor ids: one string per sensor is kept, not one per message. */
const sensorIds = new Map<string, string>();
const MAX_INTERNED_SENSORS = 100_000;

function interned(sensorId: string): string {
  const known = sensorIds.get(sensorId);
  if (known !== undefined) return known;
  if (sensorIds.size >= MAX_INTERNED_SENSORS) sensorIds.clear();
  sensorIds.set(sensorId, sensorId);
  return sensorId;
}

/** The columns of the items appended with one segment. */
export function columnsOfItems(items: readonly SpoolItem[]): SegmentColumns {
  let count = 0;
  for (const item of items) if ('readings' in item) count += item.readings.length;
  const columns = {
    sensorIds: new Array<string>(count),
    quantities: new Array<QuantityId>(count),
    districts: new Array<string>(count),
    values: new Float64Array(count),
    times: new Float64Array(count),
    letters: [] as DeadLetter[],
  };
  let i = 0;
  for (const item of items) {
    if ('letter' in item) {
      columns.letters.push(item.letter);
      continue;
    }
    for (const { sensorId, quantity, value, ts } of item.readings) {
      columns.sensorIds[i] = interned(sensorId);
      columns.quantities[i] = quantity;
      columns.districts[i] = item.district;
      columns.values[i] = value;
      columns.times[i] = ts;
      i += 1;
    }
  }
  return columns;
}

/** The records of a segment from its columns: what `decodeSegment` reads from its file. */
export function segmentOfColumns(columns: SegmentColumns): DecodedSegment {
  const readings: StoredReading[] = new Array<StoredReading>(columns.values.length);
  for (let i = 0; i < readings.length; i += 1) {
    readings[i] = {
      sensorId: columns.sensorIds[i]!,
      quantity: columns.quantities[i]!,
      value: columns.values[i]!,
      ts: columns.times[i]!,
      district: columns.districts[i]!,
    };
  }
  return { readings, letters: [...columns.letters], unreadable: 0 };
}
