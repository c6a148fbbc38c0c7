import { describe, expect, it } from 'vitest';
import { StoreError } from '../store-error.js';
import { SeriesColumns, parseQueryAnswer } from './query-results.js';

const series = (tags: Record<string, string> | undefined, values: unknown[][]): unknown => ({
  name: 'readings',
  ...(tags === undefined ? {} : { tags }),
  columns: ['time', 'count', 'sensor'],
  values,
});

describe('parseQueryAnswer', () => {
  it('reads a single answer and the lines of a chunked one', () => {
    const chunk1 = {
      results: [{ statement_id: 0, series: [series({ sensor: 'a' }, [[1, 2, 'x']])], partial: true }],
    };
    const chunk2 = { results: [{ statement_id: 0, series: [series({ sensor: 'a' }, [[3, 4, 'y']])] }] };
    const parsed = parseQueryAnswer(`${JSON.stringify(chunk1)}\n${JSON.stringify(chunk2)}\n`);
    expect(parsed).toHaveLength(2);
    expect(parsed.flatMap((s) => new SeriesColumns(s).numbers('time'))).toEqual([1, 3]);
    expect(parsed[0]!.tags).toEqual({ sensor: 'a' });
    expect(new SeriesColumns(parsed[1]!).strings('sensor')).toEqual(['y']);
  });

  it('reads an empty result as no series', () => {
    expect(parseQueryAnswer('{"results":[{"statement_id":0}]}')).toEqual([]);
    expect(parseQueryAnswer('')).toEqual([]);
  });

  it.each([
    [
      'an error of the statement',
      '{"results":[{"statement_id":0,"error":"database not found: x"}]}',
      /database not found/,
    ],
    ['an error of the request', '{"error":"error parsing query: found e0"}', /error parsing query/],
    ['text that is not JSON', 'Bad Gateway', /not JSON/],
    ['a document without results', '{"x":1}', /no results/],
    ['columns that are not names', '{"results":[{"series":[{"columns":[1],"values":[]}]}]}', /columns/],
    ['rows that are not lists', '{"results":[{"series":[{"columns":["time"],"values":[1]}]}]}', /values/],
  ])('turns %s into STORE_ERR_QUERY', (_label, text, message) => {
    expect(() => parseQueryAnswer(text)).toThrow(StoreError);
    expect(() => parseQueryAnswer(text)).toThrow(message);
  });

  it('refuses a column of the wrong type or a missing column', () => {
    const [parsed] = parseQueryAnswer(
      JSON.stringify({ results: [{ series: [series(undefined, [[1, null, 'x']])] }] }),
    );
    const columns = new SeriesColumns(parsed!);
    expect(() => columns.numbers('count')).toThrow(/column count holds object/);
    expect(() => columns.numbers('sum')).toThrow(/no column sum/);
  });
});
