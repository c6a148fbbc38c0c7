import { file, refused, rows, type FileClass } from '../file-case.js';

const json = { format: 'json' as const };
const rec = (pm25: unknown, minute = 0, extra: Record<string, unknown> = {}) => ({
  time: `2026-11-24T10:${String(minute).padStart(2, '0')}:00Z`,
  pm25,
  ...extra,
});
const doc = (...records: unknown[]) => JSON.stringify(records);

function jsonPayloads(): FileClass {
  return {
    name: 'json-file-payload',
    drafts: [
      file('not JSON', 'time,pm25\n', refused('FEED_ERR_NOT_JSON'), json),
      file(
        'JSON with NaN',
        '[{"time":"2026-11-24T10:00:00Z","pm25":NaN}]',
        refused('FEED_ERR_NOT_JSON'),
        json,
      ),
      file('truncated JSON', doc(rec(1)).slice(0, -2), refused('FEED_ERR_NOT_JSON'), json),
      file('empty', '', refused('FEED_ERR_EMPTY'), json),
      file('an object, not records', '{"count": 1}', refused('FEED_ERR_NO_RECORDS'), json),
      file('records path through the prototype', '{"items": []}', refused('FEED_ERR_NO_RECORDS'), {
        ...json,
        json: { records: 'constructor.name' },
      }),
      file('records path that is absent', doc(rec(1)), refused('FEED_ERR_NO_RECORDS'), {
        ...json,
        json: { records: 'data.items' },
      }),
      file(
        'records that are not objects',
        '[1, "x", null, [2]]',
        rows(0, { FEED_ERR_NOT_A_RECORD: 4 }),
        json,
      ),
      file('BOM before JSON (accepted)', `\ufeff${doc(rec(1))}`, rows(1), json),
      // JSON.parse makes "__proto__" an own key: it is data, and a path may go through it.
      file('records path through an own __proto__ key', '{"__proto__": {"items": []}}', rows(0), {
        ...json,
        json: { records: '__proto__.items' },
      }),
    ],
  };
}

function jsonRecords(): FileClass {
  // Built as text: JSON.stringify itself overflows the stack on nesting this deep.
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const deepIn = (field: string) => `[{"time":"2026-11-24T10:01:00Z","pm25":3,"${field}":${deep}}]`;
  return {
    name: 'json-file-records',
    drafts: [
      file('value as text (accepted: feeds read text numbers)', doc(rec('12')), rows(1), json),
      file('value as an object', doc(rec({ v: 1 })), rows(0, { FEED_ERR_NOT_A_NUMBER: 1 }), json),
      file('value as a boolean', doc(rec(true)), rows(0, { FEED_ERR_NOT_A_NUMBER: 1 }), json),
      file('value null', doc(rec(null)), rows(0, { FEED_ERR_EMPTY_VALUE: 1 }), json),
      file(
        'value absent',
        doc({ time: '2026-11-24T10:00:00Z' }),
        rows(0, { FEED_ERR_MISSING_COLUMN: 1 }),
        json,
      ),
      file(
        'value only under __proto__',
        '[{"time":"2026-11-24T10:00:00Z","__proto__":{"pm25":5}}]',
        rows(0, { FEED_ERR_MISSING_COLUMN: 1 }),
        json,
      ),
      file(
        'time as a number in an ISO column',
        doc({ time: 1763978400000, pm25: 1 }),
        rows(0, { FEED_ERR_BAD_TIMESTAMP: 1 }),
        json,
      ),
      file('deeply nested unused field (accepted)', deepIn('extra'), rows(1), json),
      file(
        'value as a deeply nested object',
        deepIn('x').replace('"pm25":3,"x"', '"pm25"'),
        rows(0, { FEED_ERR_NOT_A_NUMBER: 1 }),
        json,
      ),
      // A JSON object may carry a toString that is not a function: error texts must not call it.
      file(
        'time cell with a non-function toString',
        '[{"time":{"toString":0},"pm25":1}]',
        rows(0, { FEED_ERR_BAD_TIMESTAMP: 1 }),
        json,
      ),
      file(
        'value cell with a non-function toString',
        '[{"time":"2026-11-24T10:00:00Z","pm25":{"toString":0}}]',
        rows(0, { FEED_ERR_NOT_A_NUMBER: 1 }),
        json,
      ),
      file(
        'split time cells with a non-function toString',
        '[{"d":{"toString":0},"h":"10","pm25":1}]',
        rows(0, { FEED_ERR_BAD_TIMESTAMP: 1 }),
        {
          ...json,
          time: { column: ['d', 'h'], format: 'yyyy-MM-dd HH', timeZone: 'UTC' },
        },
      ),
      file('a huge value', doc(rec(1e308)), rows(0, { FEED_ERR_OUT_OF_RANGE: 1 }), json),
      file(
        'mixed good and bad records',
        doc(rec(1, 2), 'x', rec('oops', 3), rec(4, 4)),
        rows(2, { FEED_ERR_NOT_A_RECORD: 1, FEED_ERR_NOT_A_NUMBER: 1 }),
        json,
      ),
    ],
  };
}

export const jsonFileClasses = (): FileClass[] => [jsonPayloads(), jsonRecords()];
