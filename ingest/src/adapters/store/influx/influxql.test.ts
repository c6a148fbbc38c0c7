import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUANTITIES, type AggregateQuery } from '@ssc-monitor/core';
import { StoreError } from '../store-error.js';
import {
  aggregateStatement,
  createDatabaseStatement,
  latestStatement,
  matchesNothing,
  numberLiteral,
  quoteIdent,
  quoteString,
  readingsStatement,
  rollupAggregateStatement,
  timeLiteral,
} from './influxql.js';

const PM25 = QUANTITIES.pm25.id;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1);

/**
 * Reads a quoted token the way InfluxQL's scanner does (ScanString): it ends at the first unescaped
 * quote, a raw newline is an error, and only \n, \\, \' and \" are escapes. Returns the value and
 * whatever follows the closing quote.
 */
function scanQuoted(text: string): { value: string; rest: string } {
  const quote = text[0]!;
  let value = '';
  for (let i = 1; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === quote) return { value, rest: text.slice(i + 1) };
    if (char === '\n') throw new Error('raw newline in a quoted token');
    if (char === '\\') {
      const next = text[(i += 1)];
      if (next === 'n') value += '\n';
      else if (next === '\\' || next === "'" || next === '"') value += next;
      else throw new Error(`bad escape \\${next}`);
    } else value += char;
  }
  throw new Error('unterminated quoted token');
}

describe('quoting', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ['new\nline', "'new\\nline'"],
    ["' OR 1=1 --", "'\\' OR 1=1 --'"],
    ['"double"', `'"double"'`],
  ])('quotes the string %j as %s', (raw, quoted) => {
    expect(quoteString(raw)).toBe(quoted);
  });

  it('quotes identifiers with double quotes', () => {
    expect(quoteIdent('my "db"\\x\n')).toBe('"my \\"db\\"\\\\x\\n"');
  });

  it('always yields one token that reads back as the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const quoted of [quoteString(s), quoteIdent(s)]) {
          expect(scanQuoted(quoted)).toEqual({ value: s, rest: '' });
        }
      }),
    );
  });
});

describe('literals', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [30, '30'],
    [-5.25, '-5.25'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [1e21, '1000000000000000000000'],
    [1.2345e22, '12345000000000000000000'],
  ])('writes %d without an exponent as %s', (value, literal) => {
    expect(numberLiteral(value)).toBe(literal);
  });

  it('writes every finite double as plain digits that parse back to it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const literal = numberLiteral(value);
        expect(literal).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(literal)).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it('refuses non-finite numbers and NaN time bounds', () => {
    expect(() => numberLiteral(Number.NaN)).toThrow(StoreError);
    expect(() => numberLiteral(Number.POSITIVE_INFINITY)).toThrow(StoreError);
    expect(() => timeLiteral(Number.NaN)).toThrow(StoreError);
  });

  it('rounds time bounds up to whole ms and clamps them to the range InfluxDB can store', () => {
    expect(timeLiteral(T0)).toBe(`${T0}ms`);
    expect(timeLiteral(T0 + 0.2)).toBe(`${T0 + 1}ms`);
    expect(timeLiteral(-0.5)).toBe('0ms');
    expect(timeLiteral(Number.MAX_SAFE_INTEGER)).toBe('9223372036854ms');
    expect(timeLiteral(Number.NEGATIVE_INFINITY)).toBe('-9223372036853ms');
  });
});

describe('statements', () => {
  const query: AggregateQuery = { quantity: PM25, from: T0, to: T0 + 2 * HOUR, every: HOUR, groupBy: 'none' };
  const where = `"quantity" = 'pm25' AND "resolution" = '' AND time >= ${T0}ms AND time < ${T0 + 2 * HOUR}ms`;
  const rawFields =
    'count("value") AS "count", sum("value") AS "sum", min("value") AS "min", max("value") AS "max"';

  it('aggregates in epoch-aligned buckets of `every` ms, merging sensors', () => {
    expect(aggregateStatement(query)).toBe(
      `SELECT ${rawFields} FROM "readings" WHERE ${where} ` + 'GROUP BY time(3600000ms) fill(none)',
    );
  });

  it('groups by sensor, filters sensors and districts, and counts above a threshold', () => {
    const filtered: AggregateQuery = {
      ...query,
      groupBy: 'sensor',
      sensorIds: ['air-01', "x' OR '1'='1"],
      districts: ['a\\b'],
    };
    const filters = `("sensor" = 'air-01' OR "sensor" = 'x\\' OR \\'1\\'=\\'1') AND ("district" = 'a%5Cb')`;
    expect(aggregateStatement(filtered, 30.5)).toBe(
      `SELECT count("value") AS "count" FROM "readings" WHERE ${where} AND ${filters} AND "value" > 30.5 ` +
        'GROUP BY time(3600000ms), "sensor" fill(none)',
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a bucket width of %d ms', (every) => {
    expect(() => aggregateStatement({ ...query, every })).toThrow(StoreError);
  });

  it('selects raw readings with their sensor and district', () => {
    expect(readingsStatement(query)).toBe(
      `SELECT "value", "sensor", "district" FROM "readings" WHERE ${where}`,
    );
  });

  it('takes the last value of every series over the whole storable time range', () => {
    const range = `"resolution" = '' AND time >= -9223372036853ms AND time <= 9223372036853ms`;
    const group = 'GROUP BY "sensor", "quantity", "district"';
    expect(latestStatement()).toBe(`SELECT last("value") FROM "readings" WHERE ${range} ${group}`);
    expect(latestStatement(['a b'])).toBe(
      `SELECT last("value") FROM "readings" WHERE ${range} AND ("sensor" = 'a b') ${group}`,
    );
  });

  it('reads roll-ups of one resolution with the columns and grouping of raw aggregates', () => {
    const span = { from: T0, to: T0 + HOUR };
    const rollupWhere = `"quantity" = 'pm25' AND "resolution" = '1d' AND time >= ${T0}ms AND time < ${T0 + HOUR}ms`;
    expect(rollupAggregateStatement({ ...query, groupBy: 'sensor' }, span, 'day')).toBe(
      'SELECT sum("count") AS "count", sum("sum") AS "sum", min("min") AS "min", max("max") AS "max" ' +
        `FROM "readings" WHERE ${rollupWhere} GROUP BY time(3600000ms), "sensor" fill(none)`,
    );
  });

  it('creates a database by its quoted name', () => {
    expect(createDatabaseStatement('ssc"; DROP DATABASE x')).toBe(
      'CREATE DATABASE "ssc\\"; DROP DATABASE x"',
    );
  });

  it.each([
    [{ sensorIds: [] }, true],
    [{ districts: [] }, true],
    [{ from: T0, to: T0 }, true],
    [{ from: T0 + 0.5, to: T0 + 1 }, true],
    [{ from: T0, to: T0 + 1 }, false],
    [{ sensorIds: ['a'] }, false],
  ])('knows whether %j matches nothing', (part, expected) => {
    expect(matchesNothing({ ...query, ...part })).toBe(expected);
  });
});
