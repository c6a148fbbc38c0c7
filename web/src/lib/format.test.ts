import { describe, expect, it } from 'vitest';
import {
  excerpt,
  formatClock,
  formatCount,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPlanDate,
  formatRelativeTime,
  formatValue,
  MISSING,
  planYear,
  withUnit,
} from './format';

describe('formatNumber', () => {
  it.each([
    [52000, '52,000'],
    [1234567.8, '1,234,568'],
    [150, '150'],
    [99.96, '100.0'],
    [17.84, '17.8'],
    [6, '6.0'],
    [0, '0.0'],
    [0.456, '0.46'],
    [-12.34, '-12.3'],
  ])('formats %d as %s', (value, expected) => {
    expect(formatNumber(value, { locale: 'en-GB' })).toBe(expected);
  });

  it('trims trailing zeros for plan values', () => {
    expect(formatNumber(15, { trim: true })).toBe('15');
    expect(formatNumber(5.2, { trim: true })).toBe('5.2');
    expect(formatNumber(6.0, { trim: true })).toBe('6');
  });

  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])('shows %s as missing', (value) => {
    expect(formatNumber(value)).toBe(MISSING);
  });

  it('follows the locale it is given', () => {
    expect(formatNumber(52000.5, { locale: 'de-DE' })).toBe('52.001');
    expect(formatNumber(17.84, { locale: 'de-DE' })).toBe('17,8');
  });
});

describe('withUnit / formatValue', () => {
  it('puts a space before units but not before a percent sign', () => {
    expect(formatValue(17.84, 'µg/m³')).toBe('17.8 µg/m³');
    expect(formatValue(52000, 'vehicles/day')).toBe('52,000 vehicles/day');
    expect(formatValue(62, '%')).toBe('62.0%');
    expect(formatValue(15, 'µg/m³', { trim: true })).toBe('15 µg/m³');
  });

  it('never attaches a unit to a missing value', () => {
    expect(formatValue(null, 'µg/m³')).toBe(MISSING);
    expect(withUnit('12', '')).toBe('12');
  });
});

describe('formatPercent and formatCount', () => {
  it('rounds ratios to whole percent, including overshoot and regression', () => {
    expect(formatPercent(0.434)).toBe('43%');
    expect(formatPercent(1.25)).toBe('125%');
    expect(formatPercent(-0.12)).toBe('-12%');
    expect(formatPercent(null)).toBe(MISSING);
  });

  it('groups counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it.each([
    [now, 'just now'],
    [now + 5000, 'just now'],
    [now - 999, 'just now'],
    [now - 12_000, '12 s ago'],
    [now - 59_999, '59 s ago'],
    [now - 60_000, '1 min ago'],
    [now - 59 * 60_000, '59 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
    [now - 2 * 86_400_000, '2 d ago'],
  ])('formats %d as %s', (then, expected) => {
    expect(formatRelativeTime(then, now)).toBe(expected);
  });

  it('says never when there is no time', () => {
    expect(formatRelativeTime(null, now)).toBe('never');
  });
});

describe('dates', () => {
  const t = Date.UTC(2026, 10, 25, 14, 3, 22);
  it('formats wall-clock time in 24 h', () => {
    expect(formatClock(t, { timeZone: 'UTC' })).toBe('14:03:22');
    expect(formatClock(t, { timeZone: 'Europe/Oslo' })).toBe('15:03:22');
  });

  it('formats date and time', () => {
    expect(formatDateTime(t, { timeZone: 'UTC' })).toBe('25 Nov 2026, 14:03');
  });

  it('formats plan dates without shifting them by time zone', () => {
    expect(formatPlanDate('2027-12-31')).toBe('31 Dec 2027');
    expect(formatPlanDate('not a date')).toBe('not a date');
    expect(planYear('2027-12-31')).toBe('2027');
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(excerpt('abc', 5)).toBe('abc');
    expect(excerpt('abcdefgh', 5)).toBe('abcd…');
  });
});
