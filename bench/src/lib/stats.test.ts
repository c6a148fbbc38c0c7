import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, round } from './stats.js';

describe('percentile', () => {
  it('takes the nearest rank of the sorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 0.5)).toBe(5);
    expect(percentile(samples, 0.99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('is undefined without samples and leaves its input unsorted', () => {
    expect(percentile([], 0.5)).toBeUndefined();
    const samples = [3, 1, 2];
    percentile(samples, 0.5);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('round and ratio', () => {
  it('keeps significant figures', () => {
    expect(round(123_456)).toBe(123_000);
    expect(round(0.012345, 2)).toBe(0.012);
    expect(round(0)).toBe(0);
  });

  it('gives NaN for a missing or zero denominator', () => {
    expect(ratio(30, 50)).toBe(0.6);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(undefined, 3)).toBeNaN();
  });
});
