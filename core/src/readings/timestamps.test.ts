import { describe, expect, it } from 'vitest';
import { checkPlausible, describeTs, EARLIEST_TS, parseTimestamp } from './timestamps.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);

describe('parseTimestamp', () => {
  it('takes ISO 8601 with a zone and epoch milliseconds', () => {
    expect(parseTimestamp('2026-11-25T09:00:00Z', NOW)).toEqual({ ok: true, ts: Date.UTC(2026, 10, 25, 9) });
    expect(parseTimestamp('2026-11-25T10:00:00+01:00', NOW)).toEqual({
      ok: true,
      ts: Date.UTC(2026, 10, 25, 9),
    });
    expect(parseTimestamp(NOW - 1000, NOW)).toEqual({ ok: true, ts: NOW - 1000 });
  });

  it.each(['2026-02-30T00:00:00Z', '2026-04-31T12:00:00Z', '2026-11-25T24:00:00Z', '2026-00-10T00:00:00Z'])(
    'refuses %s, which Date.parse would roll into another day',
    (text) => {
      const result = parseTimestamp(text, NOW);
      expect(result.ok).toBe(false);
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(parseTimestamp('2024-02-29T00:00:00Z', NOW).ok).toBe(true);
    expect(parseTimestamp('2025-02-29T00:00:00Z', NOW).ok).toBe(false);
  });

  it.each([1e20, -1e20, 8.64e15 + 1, Number.MAX_VALUE, -Number.MAX_VALUE])(
    'refuses %d ms with a reason instead of throwing',
    (ts) => {
      const result = parseTimestamp(ts, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain('ms');
    },
  );
});

describe('checkPlausible', () => {
  it('refuses non-finite and out-of-date-range times without throwing', () => {
    expect(checkPlausible(Number.NaN, NOW).ok).toBe(false);
    expect(checkPlausible(Number.POSITIVE_INFINITY, NOW).ok).toBe(false);
    expect(checkPlausible(1e300, NOW).ok).toBe(false);
    expect(checkPlausible(EARLIEST_TS, NOW)).toEqual({ ok: true, ts: EARLIEST_TS });
  });

  it('describes any number', () => {
    expect(describeTs(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(describeTs(1e20)).toBe('100000000000000000000 ms');
    expect(describeTs(Number.NaN)).toBe('NaN ms');
  });
});
