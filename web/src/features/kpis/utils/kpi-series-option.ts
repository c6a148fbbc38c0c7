import type { EChartsOption } from 'echarts';
import type { KpiSnapshot, ReferenceValue, SeriesPoint } from '@ssc-monitor/core';
import type { ChartTheme } from '../../../config/theme';
import { formatNumber, formatValue } from '../../../lib/format';
import { baselineArea, expectedMarker, planLines, referenceLines } from './kpi-chart-marks';
import { valueExtent } from './value-extent';

export interface KpiSeriesChartInput {
  readonly kpi: KpiSnapshot;
  readonly points: readonly SeriesPoint[];
  /** Reference values of the KPI's definition (WHO, EU…), drawn as labelled lines. */
  readonly references?: readonly ReferenceValue[];
  /** Requested range, epoch ms; the axis grows past `to` as live points arrive. */
  readonly from: number;
  readonly to: number;
  /** Where "today" is on the time axis, epoch ms. */
  readonly now: number;
  readonly theme: ChartTheme;
}

/**
 * [time, value] pairs; a point with gaps on both sides gets a dot, since a line of one point is
 * invisible (a calendar KPI seen over years may have a single point).
 */
function seriesData(points: readonly SeriesPoint[], dotSize: number) {
  return points.map((p, i) => {
    const isolated =
      p.value !== null && (points[i - 1]?.value ?? null) === null && (points[i + 1]?.value ?? null) === null;
    return isolated
      ? { value: [p.t, p.value], symbol: 'circle', symbolSize: Math.max(6, dotSize) }
      : [p.t, p.value];
  });
}

/**
 * The KPI page's chart: the series, the baseline as a solid labelled line, each target as a dashed
 * labelled line (the next one bolder), reference values as dotted labelled lines, the baseline period
 * shaded when it is in range, and today's expected value on the trajectory as a marker.
 */
export function buildKpiSeriesOption(input: KpiSeriesChartInput): EChartsOption {
  const { kpi, points, from, to, now, theme } = input;
  const references = input.references ?? [];
  const xMax = Math.max(to, now, points.at(-1)?.t ?? to);
  const extent = valueExtent([
    ...points.map((p) => p.value),
    kpi.baseline.value,
    ...kpi.targets.map((t) => t.value),
    ...references.map((r) => r.value),
    kpi.expected,
    kpi.current.value,
  ]);
  const axisText = { color: theme.muted, fontFamily: theme.fontFamily, fontSize: theme.fontSize };
  const rem = theme.fontSize / 0.8125;
  return {
    textStyle: { fontFamily: theme.fontFamily, color: theme.text, fontSize: theme.fontSize },
    grid: {
      left: Math.round(rem * 4.5),
      right: Math.round(rem * 2),
      top: Math.round(rem * 2.5),
      bottom: Math.round(rem * 4.5),
    },
    tooltip: {
      trigger: 'axis',
      textStyle: { fontSize: theme.fontSize },
      valueFormatter: (value) =>
        typeof value === 'number' ? formatValue(value, kpi.unit) : formatValue(null, kpi.unit),
    },
    xAxis: {
      type: 'time',
      min: from,
      max: xMax,
      axisLabel: {
        ...axisText,
        hideOverlap: true,
        // Day ticks as "19 Nov" rather than ECharts' bare "19", which reads as a value.
        formatter: {
          year: '{yyyy}',
          month: '{MMM} {yyyy}',
          day: '{d} {MMM}',
          hour: '{HH}:{mm}',
          minute: '{HH}:{mm}',
        },
      },
      axisLine: { lineStyle: { color: theme.border } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: kpi.unit,
      nameTextStyle: axisText,
      min: extent?.min,
      max: extent?.max,
      axisLabel: { ...axisText, formatter: (value: number) => formatNumber(value, { trim: true }) },
      splitLine: { lineStyle: { color: theme.border, opacity: 0.6 } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: 0,
        filterMode: 'none',
        height: Math.round(rem * 1.5),
        bottom: Math.round(rem),
        borderColor: theme.border,
        textStyle: axisText,
      },
    ],
    series: [
      {
        type: 'line',
        name: kpi.name,
        data: seriesData(points, theme.fontSize * 0.7),
        symbol: 'none',
        connectNulls: false,
        lineStyle: { width: 2, color: theme.series },
        itemStyle: { color: theme.series },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          animation: false,
          data: [...planLines(kpi, theme), ...referenceLines(references, kpi.unit, theme)],
        },
        markArea: {
          silent: true,
          animation: false,
          data: baselineArea(kpi, { min: from, max: xMax }, theme),
        },
        markPoint: { animation: false, data: expectedMarker(kpi, xMax, theme) },
      },
    ],
  };
}
