import type { EChartsOption } from 'echarts';

/** Number of data items in the first series: what `data-series-length` reports for tests. */
export function firstSeriesLength(option: EChartsOption): number {
  const series = Array.isArray(option.series) ? option.series[0] : option.series;
  const data: unknown = series !== undefined && 'data' in series ? series.data : undefined;
  return Array.isArray(data) ? data.length : 0;
}
