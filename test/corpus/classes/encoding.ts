import { DEFAULT_MAX_PAYLOAD_BYTES } from '@ssc-monitor/core';
import { accepted, draft, rejected, seededRandom, type MqttClass, type MqttDraft } from '../corpus-case.js';

const utf8 = new TextEncoder();
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8.encode(p)] : p)));

/** Byte sequences no UTF-8 decoder may accept (RFC 3629 §3 and §10). */
const INVALID_SEQUENCES: readonly [string, number[]][] = [
  ['0xFF', [0xff]],
  ['0xFE', [0xfe]],
  ['lone continuation byte', [0x80]],
  ['overlong NUL', [0xc0, 0x80]],
  ['overlong slash', [0xe0, 0x80, 0xaf]],
  ['truncated 3-byte sequence', [0xe2, 0x82]],
  ['UTF-16 surrogate', [0xed, 0xa0, 0x80]],
  ['code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['0xF5 lead byte', [0xf5, 0x80, 0x80, 0x80]],
  ['Latin-1 µ', [0xb5]],
];

function invalidUtf8(): MqttClass {
  const drafts: MqttDraft[] = [];
  for (const [name, seq] of INVALID_SEQUENCES) {
    drafts.push(
      draft(`${name} inside a key`, bytes('{"pm', seq, '25": 1}'), rejected('INGEST_ERR_INVALID_UTF8')),
    );
    drafts.push(
      draft(
        `${name} inside a string`,
        bytes('{"pm25": 1, "ts": "', seq, '"}'),
        rejected('INGEST_ERR_INVALID_UTF8'),
      ),
    );
    drafts.push(draft(`${name} alone`, bytes(seq), rejected('INGEST_ERR_INVALID_UTF8')));
  }
  const random = seededRandom(7);
  for (let i = 0; i < 10; i += 1) {
    const noise = Array.from({ length: 16 + i * 8 }, () => 0x80 + Math.floor(random() * 0x40));
    drafts.push(draft(`random continuation bytes #${i}`, bytes(noise), rejected('INGEST_ERR_INVALID_UTF8')));
  }
  return { name: 'invalid-utf8', drafts };
}

const NOT_JSON = [
  'pm25=12',
  'pm25 12',
  '{pm25: 12}',
  "{'pm25': 12}",
  '{"pm25": 12,}',
  '{"pm25": 12} trailing',
  '{"pm25": 12}{"pm25": 13}',
  '{"pm25": 012}',
  '{"pm25": .5}',
  '{"pm25": +1}',
  '{"pm25": 0x10}',
  '{"pm25": 12 // comment\n}',
  '{"pm25": 12',
  '[{"n":"pm25","v":1}',
  '"unterminated',
  'undefined',
  'True',
  '<xml><pm25>12</pm25></xml>',
  'pm25,12\n',
  '{"pm25": "\t"}',
  '{"pm25": 1e}',
  '{"pm25": -}',
  ' ',
  '\n\n',
];

function notJson(): MqttClass {
  const drafts = NOT_JSON.map((text) =>
    draft(`not JSON: ${JSON.stringify(text).slice(0, 40)}`, text, rejected('INGEST_ERR_NOT_JSON')),
  );
  // UTF-16 text is valid UTF-8 (NUL bytes) but not JSON.
  const utf16 = Uint8Array.from([...'{"pm25":1}'].flatMap((c) => [c.charCodeAt(0), 0]));
  drafts.push(draft('UTF-16LE encoded JSON', utf16, rejected('INGEST_ERR_NOT_JSON')));
  // The UTF-8 byte-order mark is dropped by the decoder (WHATWG Encoding): the payload is JSON.
  drafts.push(
    draft(
      'UTF-8 byte-order mark before JSON (accepted)',
      bytes([0xef, 0xbb, 0xbf], '{"pm25": 3.5}'),
      accepted({ quantity: 'pm25', value: 3.5 }),
    ),
  );
  return { name: 'not-json', drafts };
}

function empty(): MqttClass {
  return {
    name: 'empty',
    drafts: [
      draft('zero bytes', new Uint8Array(0), rejected('INGEST_ERR_EMPTY')),
      draft('empty object', '{}', rejected('INGEST_ERR_EMPTY')),
      draft('only ts', '{"ts": "2026-01-01T00:00:00Z"}', rejected('INGEST_ERR_EMPTY')),
      draft('only sensorId', (id) => JSON.stringify({ sensorId: id }), rejected('INGEST_ERR_EMPTY')),
      draft('empty SenML pack', '[]', rejected('INGEST_ERR_SCHEMA')),
      draft('SenML pack of base fields only', '[{"bn":"x:","bt":1795600000}]', rejected('INGEST_ERR_SCHEMA')),
      draft(
        'NGSI entity without attributes',
        '{"id":"e","type":"AirQualityObserved"}',
        rejected('INGEST_ERR_EMPTY'),
      ),
      draft('JSON null', 'null', rejected('INGEST_ERR_SCHEMA')),
      draft('empty string', '""', rejected('INGEST_ERR_SCHEMA')),
      draft('one NUL byte', new Uint8Array(1), rejected('INGEST_ERR_NOT_JSON')),
    ],
  };
}

const LIMIT = DEFAULT_MAX_PAYLOAD_BYTES;

/** `{"pm25": 12}` padded with spaces to exactly `size` bytes. */
const paddedJson = (size: number) => `{"pm25": 12${' '.repeat(size - 12)}}`;

function oversized(): MqttClass {
  const drafts: MqttDraft[] = [];
  for (const size of [LIMIT + 1, LIMIT + 1000, 100_000, 256 * 1024, 1024 * 1024]) {
    drafts.push(draft(`padded JSON of ${size} bytes`, paddedJson(size), rejected('INGEST_ERR_TOO_LARGE')));
    drafts.push(
      draft(
        `binary noise of ${size} bytes`,
        new Uint8Array(size).fill(0xff),
        rejected('INGEST_ERR_TOO_LARGE'),
      ),
    );
  }
  const pack = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ n: 'pm25', v: 1, t: -i })));
  drafts.push(
    draft(`SenML pack of 5000 records (${pack.length} bytes)`, pack, rejected('INGEST_ERR_TOO_LARGE')),
  );
  drafts.push(
    draft(`long key of ${LIMIT} characters`, `{"${'k'.repeat(LIMIT)}": 1}`, rejected('INGEST_ERR_TOO_LARGE')),
  );
  // The limit itself is inclusive.
  drafts.push(
    draft(
      `padded JSON of exactly ${LIMIT} bytes (accepted)`,
      paddedJson(LIMIT),
      accepted({ quantity: 'pm25', value: 12 }),
    ),
  );
  return { name: 'oversized', drafts };
}

function deepNesting(): MqttClass {
  const drafts: MqttDraft[] = [];
  // Depths stop where the text would pass the size limit: 30 000 arrays, 10 000 objects.
  for (const depth of [2, 10, 100, 1000, 10_000, 30_000]) {
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    drafts.push(draft(`arrays ${depth} deep`, arrays, rejected('INGEST_ERR_SCHEMA')));
    drafts.push(
      draft(`arrays ${depth} deep as a value`, `{"pm25": ${arrays}}`, rejected('INGEST_ERR_SCHEMA')),
    );
  }
  for (const depth of [2, 10, 100, 1000, 10_000]) {
    const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    drafts.push(draft(`objects ${depth} deep`, objects, rejected('INGEST_ERR_SCHEMA')));
    drafts.push(
      draft(`objects ${depth} deep as a quantity`, `{"pm25": ${objects}}`, rejected('INGEST_ERR_SCHEMA')),
    );
    // RFC 8428 §4.4: a SenML field this platform does not know is ignored, however deep it is.
    const extra = `[{"n":"pm25","v":1,"x":${objects}}]`;
    drafts.push(
      draft(
        `objects ${depth} deep in an unknown SenML field (accepted)`,
        extra,
        accepted({ quantity: 'pm25', value: 1 }),
      ),
    );
  }
  return { name: 'deep-nesting', drafts };
}

const BAD_IDS: readonly [string, (n: number) => string][] = [
  ['empty id', () => ''],
  ['space in id', (n) => `bad id ${n}`],
  ['comma in id', (n) => `bad,${n}`],
  ['equals sign in id', (n) => `bad=${n}`],
  ['extra topic level', (n) => `bad/${n}`],
  ['leading dash', (n) => `-bad-${n}`],
  ['leading dot', (n) => `.bad-${n}`],
  ['leading underscore', (n) => `_bad-${n}`],
  ['non-ASCII letter', (n) => `bäd-${n}`],
  ['emoji', (n) => `bad-${n}-☃`],
  ['129 characters', (n) => `b${n}`.padEnd(129, 'x')],
  ['quote in id', (n) => `bad"${n}`],
  ['backslash in id', (n) => `bad\\${n}`],
  ['percent in id', (n) => `bad%20${n}`],
  ['__proto__ as id', (n) => (n % 2 === 0 ? '__proto__' : `__proto__${n}`)],
];

function badTopic(): MqttClass {
  return {
    name: 'bad-topic',
    drafts: BAD_IDS.map(([what, id]) => ({
      description: `topic with ${what}`,
      topic: (n: number) => `sensors/${id(n)}`,
      payload: '{"pm25": 1}',
      expect: rejected('INGEST_ERR_BAD_TOPIC'),
    })),
  };
}

export const encodingClasses = (): MqttClass[] => [
  invalidUtf8(),
  notJson(),
  empty(),
  oversized(),
  deepNesting(),
  badTopic(),
];
