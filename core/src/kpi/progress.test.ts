import { describe, expect, it } from 'vitest';
import { endOfDate, expectedValue, nextTarget, progressToward, statusOf } from './progress.js';

const baseline = { value: 20, period: { from: '2024-01-01', to: '2024-12-31' } };
const targets = [
  { horizon: 'long' as const, date: '2035-12-31', value: 5 },
  { horizon: 'short' as const, date: '2027-12-31', value: 14 },
];

describe('trajectory and progress', () => {
  it('picks the first target still ahead, then the last one', () => {
    expect(nextTarget(targets, Date.UTC(2026, 0, 1))?.date).toBe('2027-12-31');
    expect(nextTarget(targets, Date.UTC(2030, 0, 1))?.date).toBe('2035-12-31');
    expect(nextTarget(targets, Date.UTC(2040, 0, 1))?.date).toBe('2035-12-31');
    expect(nextTarget([], 0)).toBeNull();
  });

  it('interpolates linearly between baseline end and target date, clamped', () => {
    const target = { horizon: 'short' as const, date: '2026-12-31', value: 10 };
    const start = endOfDate('2024-12-31');
    const end = endOfDate('2026-12-31');
    expect(expectedValue(baseline, target, start)).toBe(20);
    expect(expectedValue(baseline, target, (start + end) / 2)).toBeCloseTo(15, 10);
    expect(expectedValue(baseline, target, end + 1e9)).toBe(10);
    expect(expectedValue(baseline, target, 0)).toBe(20);
  });

  it('computes progress in both directions', () => {
    expect(progressToward(20, 10, 15)).toBe(0.5);
    expect(progressToward(100, 200, 150)).toBe(0.5);
    expect(progressToward(20, 10, 22)).toBeCloseTo(-0.2, 10);
    expect(progressToward(5, 5, 5)).toBeNull();
  });
});

describe('statusOf', () => {
  const lower = {
    baseline: 20,
    target: 10,
    expected: 15,
    tolerance: 0.1,
    direction: 'lower_is_better' as const,
  };
  it.each([
    [14, 'on_track'],
    [15, 'on_track'],
    [15.9, 'at_risk'],
    [16.1, 'off_track'],
  ])('lower is better: current %d is %s', (current, status) => {
    expect(statusOf({ ...lower, current })).toBe(status);
  });

  const higher = {
    baseline: 100,
    target: 200,
    expected: 150,
    tolerance: 0.1,
    direction: 'higher_is_better' as const,
  };
  it.each([
    [160, 'on_track'],
    [141, 'at_risk'],
    [139, 'off_track'],
  ])('higher is better: current %d is %s', (current, status) => {
    expect(statusOf({ ...higher, current })).toBe(status);
  });

  it('holds the line when the target equals the baseline', () => {
    const hold = {
      baseline: 10,
      target: 10,
      expected: 10,
      tolerance: 0.1,
      direction: 'lower_is_better' as const,
    };
    expect(statusOf({ ...hold, current: 9 })).toBe('on_track');
    expect(statusOf({ ...hold, current: 11 })).toBe('off_track');
  });
});

describe('compound trajectory', () => {
  it('follows a constant yearly rate between baseline and target', () => {
    const target = { horizon: 'short' as const, date: '2026-12-31', value: 5 };
    const start = endOfDate('2024-12-31');
    const end = endOfDate('2026-12-31');
    // Halfway in time, a constant rate from 20 to 5 is at 20 × (5/20)^0.5 = 10, not the linear 12.5.
    expect(expectedValue(baseline, target, (start + end) / 2, 'compound')).toBeCloseTo(10, 9);
    expect(expectedValue(baseline, target, (start + end) / 2, 'linear')).toBeCloseTo(12.5, 9);
    expect(expectedValue({ ...baseline, value: 0 }, target, (start + end) / 2, 'compound')).toBeCloseTo(
      2.5,
      9,
    );
  });
});
