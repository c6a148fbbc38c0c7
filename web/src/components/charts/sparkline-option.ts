import type { EChartsOption } from 'echarts';
import type { SeriesPoint } from '@ssc-monitor/core';

export interface SparklineInput {
  readonly points: readonly SeriesPoint[];
  readonly color: string;
}

/**
 * A minimal trend line: no axes, labels or tooltip, since a tile carries the numbers itself. Gaps (null
 * values) stay gaps. Animation is off so that live updates on a wall screen change the line, not flash it.
 */
export function buildSparklineOption({ points, color }: SparklineInput): EChartsOption {
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 2 },
    xAxis: { type: 'time', show: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: points.map((p) => [p.t, p.value]),
        showSymbol: false,
        connectNulls: false,
        silent: true,
        lineStyle: { width: 2, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.12 },
      },
    ],
  };
}
