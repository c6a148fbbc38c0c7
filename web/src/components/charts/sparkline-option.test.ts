import { describe, expect, it } from 'vitest';
import { firstSeriesLength } from './chart-attributes';
import { buildSparklineOption } from './sparkline-option';

const points = [
  { t: 1000, value: 3 },
  { t: 2000, value: null },
  { t: 3000, value: 5 },
];

describe('buildSparklineOption', () => {
  const option = buildSparklineOption({ points, color: '#56b4e9' });
  const series = Array.isArray(option.series) ? option.series[0] : undefined;

  it('plots [time, value] pairs and keeps gaps as gaps', () => {
    expect(series?.data).toEqual([
      [1000, 3],
      [2000, null],
      [3000, 5],
    ]);
    expect(series).toMatchObject({ type: 'line', connectNulls: false, showSymbol: false });
  });

  it('draws in the colour it is given, without axes or animation', () => {
    expect(series).toMatchObject({ lineStyle: { color: '#56b4e9' } });
    expect(option.xAxis).toMatchObject({ type: 'time', show: false });
    expect(option.yAxis).toMatchObject({ show: false, scale: true });
    expect(option.animation).toBe(false);
  });

  it('reports its length for data-series-length', () => {
    expect(firstSeriesLength(option)).toBe(3);
    expect(firstSeriesLength(buildSparklineOption({ points: [], color: '#fff' }))).toBe(0);
    expect(firstSeriesLength({})).toBe(0);
  });
});
