import { describe, expect, it } from 'vitest';
import { firstSeriesLength } from './chart-attributes';

describe('firstSeriesLength', () => {
  it('reports the length of the first series for data-series-length, and 0 without one', () => {
    const line = (data: unknown[]) => ({ series: [{ type: 'line' as const, data: data as number[] }] });
    expect(
      firstSeriesLength(
        line([
          [1000, 3],
          [2000, null],
          [3000, 5],
        ]),
      ),
    ).toBe(3);
    expect(firstSeriesLength(line([]))).toBe(0);
    expect(firstSeriesLength({})).toBe(0);
  });
});
