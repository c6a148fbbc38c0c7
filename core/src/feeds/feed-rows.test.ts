import { describe, expect, it } from 'vitest';
import { compileFeedMapping, newRowMappingContext, type FeedMapping } from './feed-mapping.js';
import { MAX_ROW_ERRORS, mapFeedRows, parseCsvRows, parseFileRows, type RowsResult } from './feed-rows.js';
import { validateFeed } from './feed-validate.js';
import type { Feed } from './feed.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const CSV = { delimiter: ',', header: true, decimal: '.' } as const;

function feedOf(input: Record<string, unknown>): Feed {
  const result = validateFeed({
    id: 'f',
    url: 'https://example.org/x.csv',
    format: 'csv',
    schedule: '1h',
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.feed;
}

function mappingOf(feed: Feed): FeedMapping {
  const compiled = compileFeedMapping(feed);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.mapping;
}

function ok(result: RowsResult) {
  if (!result.ok) throw new Error(`${result.problem.code}: ${result.problem.message}`);
  return result;
}

const bikes = feedOf({
  time: { column: 'Date', format: 'MM/dd/yyyy hh:mm:ss a', timeZone: 'America/Los_Angeles' },
  readings: [
    { quantity: 'cycling_count', column: 'West', sensor: 'fremont-west' },
    { quantity: 'cycling_count', column: 'East', sensor: 'fremont-east' },
  ],
});

function read(text: string, feed = bikes) {
  const mapping = mappingOf(feed);
  return mapFeedRows(ok(parseFileRows(text, feed, mapping)), mapping, newRowMappingContext(NOW));
}

describe('parseCsvRows', () => {
  it('keys rows by header names and keeps their line numbers', () => {
    const rows = ok(parseCsvRows('\ufeffDate,"West"\r\n"10/03/2012, noon",4\r\n', CSV, ['Date']));
    expect(rows.rows).toEqual([{ row: 1, line: 2, values: { Date: '10/03/2012, noon', West: '4' } }]);
  });

  it('names columns by position without a header', () => {
    const rows = ok(parseCsvRows('a,b\nc,d\n', { ...CSV, header: false }));
    expect(rows.rows.map((r) => r.values)).toEqual([
      { 1: 'a', 2: 'b' },
      { 1: 'c', 2: 'd' },
    ]);
  });

  it.each([
    ['an empty file', '', 'FEED_ERR_EMPTY'],
    ['only blank lines', '\r\n\r\n', 'FEED_ERR_EMPTY'],
    ['only a byte-order mark', '\ufeff', 'FEED_ERR_EMPTY'],
    ['an unterminated quote', 'Date,West\n"x,1\n', 'FEED_ERR_CSV_SYNTAX'],
    ['a missing column', 'Date,Total\nx,1\n', 'FEED_ERR_MISSING_COLUMN'],
    ['a mapped column twice', 'Date,West,West\nx,1,2\n', 'FEED_ERR_CSV_HEADER'],
  ])('reports %s', (_name, text, code) => {
    const result = parseCsvRows(text, CSV, ['Date', 'West']);
    expect(result.ok ? 'ok' : result.problem.code).toBe(code);
  });

  it('detects a file written with another delimiter and says which', () => {
    const result = parseCsvRows('Date;West;East\n10/03/2012;4;9\n', CSV, ['Date', 'West']);
    expect(result).toEqual({
      ok: false,
      problem: {
        code: 'FEED_ERR_CSV_DELIMITER',
        message: expect.stringContaining("seems to use ';' as delimiter, not ','"),
      },
    });
    const tabs = parseCsvRows('Date\tWest\nx\t1\n', { ...CSV, delimiter: ';' }, ['West']);
    expect(!tabs.ok && tabs.problem.message).toMatch(/use tab as delimiter, not ';'/);
  });

  it('accepts a header with no rows: a portal may publish nothing today', () => {
    expect(ok(parseCsvRows('Date,West\r\n', CSV, ['Date', 'West']))).toEqual({
      ok: true,
      rows: [],
      errors: [],
    });
  });

  it('refuses rows whose field count differs from the header, with their line', () => {
    const rows = ok(parseCsvRows('Date,West\nx,1\ny,2,3\nz\n', CSV, ['Date']));
    expect(rows.rows.map((r) => r.row)).toEqual([1]);
    expect(rows.errors).toEqual([
      {
        row: 2,
        line: 3,
        column: null,
        code: 'FEED_ERR_ROW_WIDTH',
        message: 'the row has 3 fields, the header 2',
      },
      {
        row: 3,
        line: 4,
        column: null,
        code: 'FEED_ERR_ROW_WIDTH',
        message: 'the row has 1 fields, the header 2',
      },
    ]);
  });

  it("reads a column named '__proto__' as data, without touching the row's prototype", () => {
    const rows = ok(parseCsvRows('Date,__proto__,constructor\nx,{},1\n', CSV, ['Date', '__proto__']));
    const values = rows.rows[0]?.values ?? {};
    expect(Object.keys(values).sort()).toEqual(['Date', '__proto__', 'constructor']);
    expect(values.__proto__).toBe('{}');
    expect(values.constructor).toBe('1');
    expect(Object.getPrototypeOf(values)).toBeNull();
  });
});

describe('mapFeedRows', () => {
  it('maps each column to a reading of its sensor, in local time of the feed', () => {
    const batch = read('Date,West,East\n10/03/2012 12:00:00 AM,4,9\n');
    expect(batch).toMatchObject({ rowsRead: 1, rowsRejected: 0, errors: [] });
    expect(batch.readings).toEqual([
      {
        sensorId: 'fremont-west',
        quantity: 'cycling_count',
        value: 4,
        ts: Date.parse('2012-10-03T07:00:00Z'),
      },
      {
        sensorId: 'fremont-east',
        quantity: 'cycling_count',
        value: 9,
        ts: Date.parse('2012-10-03T07:00:00Z'),
      },
    ]);
  });

  it('reports bad rows with row, line and column, and keeps the good cells', () => {
    const batch = read(
      [
        'Date,West,East',
        '06/14/2013 09:00:00 AM,,',
        '03/10/2013 02:00:00 AM,0,0',
        '03/10/2013 03:00:00 AM,two,9',
        '01/01/1999 03:00:00 AM,1,1',
        '12/01/2030 03:00:00 AM,1,1',
      ].join('\n'),
    );
    expect(batch.rowsRead).toBe(5);
    expect(batch.rowsRejected).toBe(5);
    expect(batch.readings).toEqual([expect.objectContaining({ sensorId: 'fremont-east', value: 9 })]);
    expect(batch.errors.map((e) => [e.row, e.line, e.column, e.code])).toEqual([
      [1, 2, 'West', 'FEED_ERR_EMPTY_VALUE'],
      [1, 2, 'East', 'FEED_ERR_EMPTY_VALUE'],
      [2, 3, 'Date', 'FEED_ERR_BAD_TIMESTAMP'],
      [3, 4, 'West', 'FEED_ERR_NOT_A_NUMBER'],
      [4, 5, 'Date', 'FEED_ERR_BAD_TIMESTAMP'],
      [5, 6, 'Date', 'FEED_ERR_BAD_TIMESTAMP'],
    ]);
    expect(batch.errorCounts).toEqual({
      FEED_ERR_EMPTY_VALUE: 2,
      FEED_ERR_BAD_TIMESTAMP: 3,
      FEED_ERR_NOT_A_NUMBER: 1,
    });
    expect(batch.errors[2]?.message).toMatch(/does not exist in America\/Los_Angeles/);
  });

  it('gives the repeated hour of a DST change its two instants, in file order', () => {
    const batch = read('Date,West,East\n11/03/2013 01:00:00 AM,1,2\n11/03/2013 01:00:00 AM,3,4\n');
    expect(batch.readings.map((r) => new Date(r.ts).toISOString())).toEqual([
      '2013-11-03T08:00:00.000Z',
      '2013-11-03T08:00:00.000Z',
      '2013-11-03T09:00:00.000Z',
      '2013-11-03T09:00:00.000Z',
    ]);
  });

  it('takes sensor ids from a column, converts units, reads decimal commas and refuses implausible values', () => {
    const feed = feedOf({
      csv: { delimiter: ';', decimal: ',' },
      sensor: { column: 'station', prefix: 'air-' },
      time: { column: 'time' },
      readings: [{ quantity: 'no2', column: 'no2', unit: 'ppb' }],
    });
    const batch = read(
      'station;time;no2\nA1;2026-11-25T10:00:00Z;10,5\nB 2;2026-11-25T10:00:00Z;1\nC3;2026-11-25T10:00:00Z;-4\n',
      feed,
    );
    expect(batch.readings).toEqual([
      { sensorId: 'air-A1', quantity: 'no2', value: 10.5 * 1.9, ts: Date.parse('2026-11-25T10:00:00Z') },
    ]);
    expect(batch.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'station', 'FEED_ERR_BAD_SENSOR_ID'],
      [3, 'no2', 'FEED_ERR_OUT_OF_RANGE'],
    ]);
  });

  it('reads JSON records by dot path, numbers as numbers or text', () => {
    const feed = feedOf({
      format: 'json',
      json: { records: 'features' },
      sensor: { column: 'properties.id' },
      time: { column: 'properties.t', format: 'epoch_s' },
      readings: [{ quantity: 'pm25', column: 'properties.pm25' }],
    });
    const features = [
      { properties: { id: 's1', t: 1_764_064_800, pm25: 12 } },
      { properties: { id: 's2', t: 1_764_064_800, pm25: '7.5' } },
      { properties: { id: 's3', t: 1_764_064_800 } },
      { properties: { id: 's4', t: 1_764_064_800, pm25: true } },
    ];
    const batch = read(JSON.stringify({ features }), feed);
    expect(batch.readings.map((r) => [r.sensorId, r.value])).toEqual([
      ['s1', 12],
      ['s2', 7.5],
    ]);
    expect(batch.errors.map((e) => e.code)).toEqual(['FEED_ERR_MISSING_COLUMN', 'FEED_ERR_NOT_A_NUMBER']);
  });

  it('keeps a bounded sample of errors but counts them all', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `bad-${i},1,1`);
    const batch = read(['Date,West,East', ...lines].join('\n'));
    expect(batch.rowsRejected).toBe(500);
    expect(batch.errors).toHaveLength(MAX_ROW_ERRORS);
    expect(batch.errorCounts).toEqual({ FEED_ERR_BAD_TIMESTAMP: 500 });
  });
});
