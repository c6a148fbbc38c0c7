import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorCode } from '../../errors.js';
import { parseEvery, parseTime, resolveSeriesQuery, SERIES_LIMITS } from './series-query.js';

const NOW = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function codeOf(fn: () => unknown): ApiErrorCode | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseTime', () => {
  it.each([
    ['1767225600000', NOW],
    ['0', 0],
    ['2026-01-01', NOW],
    ['2026-01-01T00:00:00Z', NOW],
    ['2026-01-01T00:00Z', NOW],
    ['2026-01-01T01:00:00+01:00', NOW],
    ['2026-01-01T00:00:00.250Z', NOW + 250],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2025-12-31T23:59:59Z', NOW - 1000],
  ])('reads %s', (text, expected) => {
    expect(parseTime('from', text)).toBe(expected);
  });

  it.each([
    'yesterday',
    '2026-13-01',
    '2026-02-30',
    '2026-01-01T24:00Z',
    '2026-01-01 00:00:00Z',
    '-5',
    '1.5',
    '',
  ])('rejects %j', (text) => {
    expect(codeOf(() => parseTime('to', text))).toBe('API_ERR_BAD_TIME');
  });

  it('asks for a zone when a time has none, naming the field', () => {
    expect(() => parseTime('to', '2026-01-01T06:00')).toThrow(/'to'.*time zone/);
  });
});

describe('parseEvery', () => {
  it.each([
    ['60000', 60_000],
    ['90s', 90_000],
    ['15m', 15 * 60_000],
    ['1h', HOUR],
    ['1d', DAY],
    ['2w', 14 * DAY],
    ['120000ms', 120_000],
    ['1.5h', 1.5 * HOUR],
  ])('reads %s', (text, expected) => {
    expect(parseEvery(text)).toBe(expected);
  });

  it.each(['1fortnight', 'h', '15 m', '-1h', '1h30m'])('rejects %j as not a duration', (text) => {
    expect(codeOf(() => parseEvery(text))).toBe('API_ERR_BAD_INTERVAL');
  });

  it.each(['59s', '59999', '0'])('rejects %s as shorter than a minute', (text) => {
    expect(() => parseEvery(text)).toThrow(/at least 1m/);
  });
});

describe('resolveSeriesQuery', () => {
  it('defaults to the last 7 days, hourly, ending now', () => {
    expect(resolveSeriesQuery({}, NOW)).toEqual({ from: NOW - 7 * DAY, to: NOW, every: HOUR });
  });

  it('puts a default from 7 days before an explicit to', () => {
    const to = Date.UTC(2025, 5, 1);
    expect(resolveSeriesQuery({ to: String(to) }, NOW)).toEqual({ from: to - 7 * DAY, to, every: HOUR });
  });

  it('takes explicit values as given', () => {
    expect(resolveSeriesQuery({ from: '2025-12-31', to: '2026-01-01', every: '15m' }, NOW)).toEqual({
      from: NOW - DAY,
      to: NOW,
      every: 15 * 60_000,
    });
  });

  it.each([
    ['from equal to to', { from: '2026-01-01', to: '2026-01-01' }],
    ['from after to', { from: '2026-02-01', to: '2026-01-01' }],
  ])('rejects %s', (_name, raw) => {
    expect(codeOf(() => resolveSeriesQuery(raw, NOW))).toBe('API_ERR_EMPTY_RANGE');
  });

  it('accepts exactly the point limit and rejects one more', () => {
    const every = 60_000;
    const to = NOW;
    // Both ends included: a span of (maxPoints − 1) × every holds maxPoints points.
    const atLimit = { from: String(to - (SERIES_LIMITS.maxPoints - 1) * every), to: String(to), every: '1m' };
    expect(resolveSeriesQuery(atLimit, NOW).every).toBe(every);
    const over = { ...atLimit, from: String(to - SERIES_LIMITS.maxPoints * every) };
    expect(codeOf(() => resolveSeriesQuery(over, NOW))).toBe('API_ERR_TOO_MANY_POINTS');
  });

  it('suggests an every that fits the limit', () => {
    // 30 days at 1 m, both ends included, is 43,201 points; 8.64 min would fit, the next round step is 10 min.
    expect(() => resolveSeriesQuery({ from: '2025-12-02', every: '1m' }, NOW)).toThrow(
      /43201 points.*larger `every` \(at least 10m\)/,
    );
    // 36 years need 2.6 days per point; past 2 days the steps are whole weeks.
    expect(() => resolveSeriesQuery({ from: '1990-01-01', every: '1h' }, NOW)).toThrow(/at least 1w\)/);
    // 200 years need 14.6 days per point.
    expect(() => resolveSeriesQuery({ from: '1826-01-01', every: '1d' }, NOW)).toThrow(/at least 3w\)/);
  });
});
