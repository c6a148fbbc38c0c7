import type { QuantityId, RejectionCode } from '@ssc-monitor/core';

/** The corpus of bad payloads a faulty sensor or gateway sends. */
export const MALFORMED_SHAPES = [
  'not-json',
  'truncated',
  'invalid-utf8',
  'empty',
  'wrong-type',
  'nan-string',
  'unknown-quantity',
  'unknown-unit',
  'seconds-timestamp',
  'far-future',
  'deep-nesting',
  'oversized',
] as const;

export type MalformedShape = (typeof MALFORMED_SHAPES)[number];

/** How the ingest must answer each shape (with its default 64 KiB payload limit). */
export const EXPECTED_REJECTIONS: Readonly<Record<MalformedShape, RejectionCode>> = {
  'not-json': 'INGEST_ERR_NOT_JSON',
  truncated: 'INGEST_ERR_NOT_JSON',
  'invalid-utf8': 'INGEST_ERR_INVALID_UTF8',
  empty: 'INGEST_ERR_EMPTY',
  'wrong-type': 'INGEST_ERR_SCHEMA',
  'nan-string': 'INGEST_ERR_SCHEMA',
  'unknown-quantity': 'INGEST_ERR_UNKNOWN_QUANTITY',
  'unknown-unit': 'INGEST_ERR_UNKNOWN_UNIT',
  'seconds-timestamp': 'INGEST_ERR_BAD_TIMESTAMP',
  'far-future': 'INGEST_ERR_BAD_TIMESTAMP',
  'deep-nesting': 'INGEST_ERR_SCHEMA',
  oversized: 'INGEST_ERR_TOO_LARGE',
};

/** What a malformed payload is made from: one reading the sensor meant to send. */
export interface MalformedSeed {
  readonly quantity: QuantityId;
  readonly value: number;
  /** Event time, epoch ms. */
  readonly t: number;
}

/** Deep enough to trip naive recursive parsers, shallow enough for JSON.parse. */
const NESTING_DEPTH = 256;
/** Over the ingest's default 64 KiB limit. */
const OVERSIZED_BYTES = 70_000;

function nested(depth: number, value: number): string {
  return '{"value":'.repeat(depth) + String(value) + '}'.repeat(depth);
}

/** The payload of one shape, built from the reading so it looks like the sensor's own traffic. */
export function malformedPayload(
  shape: MalformedShape,
  { quantity, value, t }: MalformedSeed,
): string | Uint8Array {
  const iso = new Date(t).toISOString();
  const valid = JSON.stringify({ [quantity]: value, ts: iso });
  switch (shape) {
    case 'not-json':
      return `${quantity}=${value};ts=${iso}`;
    case 'truncated':
      return valid.slice(0, Math.floor(valid.length / 2));
    case 'invalid-utf8':
      // 0xFF and 0xFE never occur in UTF-8.
      return Uint8Array.from([...Buffer.from(`{"${quantity}":${value},"note":"`), 0xff, 0xfe, 0x22, 0x7d]);
    case 'empty':
      return '';
    case 'wrong-type':
      return JSON.stringify({ [quantity]: [value], ts: iso });
    case 'nan-string':
      return JSON.stringify({ [quantity]: 'NaN', ts: iso });
    case 'unknown-quantity':
      return JSON.stringify({ radon_bq: value, ts: iso });
    case 'unknown-unit':
      return JSON.stringify({ [quantity]: { value, unit: 'furlongs' }, ts: iso });
    case 'seconds-timestamp':
      return JSON.stringify({ [quantity]: value, ts: Math.floor(t / 1000) });
    case 'far-future':
      return JSON.stringify({ [quantity]: value, ts: '2099-01-01T00:00:00Z' });
    case 'deep-nesting':
      return `{"${quantity}":${nested(NESTING_DEPTH, value)}}`;
    case 'oversized':
      return JSON.stringify({ [quantity]: value, ts: iso, padding: 'x'.repeat(OVERSIZED_BYTES) });
  }
}
