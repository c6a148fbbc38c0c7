import { describe, expect, it } from 'vitest';
import { parseJsonRows, type RowsResult } from './feed-rows.js';

function ok(result: RowsResult) {
  if (!result.ok) throw new Error(`${result.problem.code}: ${result.problem.message}`);
  return result;
}

describe('parseJsonRows', () => {
  it('takes a bare array, or the array at a dot path', () => {
    expect(ok(parseJsonRows('[{"a":1}]')).rows).toEqual([{ row: 1, line: null, values: { a: 1 } }]);
    expect(ok(parseJsonRows('{"data":{"items":[{"a":1},{"a":2}]}}', 'data.items')).rows).toHaveLength(2);
  });

  it('suggests json.records when the payload is an object holding arrays', () => {
    const result = parseJsonRows('{"type":"FeatureCollection","features":[]}');
    expect(!result.ok && result.problem).toEqual({
      code: 'FEED_ERR_NO_RECORDS',
      message: 'the payload is an object, not an array of records; set json.records to one of: features',
    });
  });

  it.each([
    ['', undefined, 'FEED_ERR_EMPTY'],
    ['{"a":', undefined, 'FEED_ERR_NOT_JSON'],
    ['{"data":{"items":5}}', 'data.items', 'FEED_ERR_NO_RECORDS'],
    ['{"data":{}}', 'data.items', 'FEED_ERR_NO_RECORDS'],
    ['"text"', undefined, 'FEED_ERR_NO_RECORDS'],
  ])('reports %j at %s', (text, path, code) => {
    const result = parseJsonRows(text, path);
    expect(result.ok ? 'ok' : result.problem.code).toBe(code);
  });

  it('refuses records that are not objects, one by one', () => {
    const rows = ok(parseJsonRows('[{"a":1}, 3, null, [1]]'));
    expect(rows.rows).toHaveLength(1);
    expect(rows.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'FEED_ERR_NOT_A_RECORD'],
      [3, 'FEED_ERR_NOT_A_RECORD'],
      [4, 'FEED_ERR_NOT_A_RECORD'],
    ]);
  });
});
