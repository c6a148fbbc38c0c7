import {
  REJECTION_CODES,
  isQuantityId,
  type DeadLetter,
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
