import type { EChartsOption, MarkLineComponentOption } from 'echarts';
import type { KpiSnapshot, SeriesPoint } from '@ssc-monitor/core';
import type { ChartTheme } from '../../../config/theme';
import { formatNumber, formatValue } from '../../../lib/format';
import { baselineLabel, targetLabel } from './kpi-labels';
import { valueExtent } from './value-extent';

export interface KpiSeriesChartInput {
  readonly kpi: KpiSnapshot;
  readonly points: readonly SeriesPoint[];
  /** Requested range, epoch ms; the axis grows past `to` as live points arrive. */
  readonly from: number;
  readonly to: number;
  /** Where "today" is on the time axis, epoch ms. */
  readonly now: number;
  readonly theme: ChartTheme;
}

type MarkLineData = NonNullable<MarkLineComponentOption['data']>;

/** Labels sit on a patch of the panel colour so they stay legible where they cross the series line. */
const labelBox = (theme: ChartTheme) => ({
  backgroundColor: theme.surface,
  padding: [2, 6],
  borderRadius: 3,
});

function referenceLines({ kpi, theme }: KpiSeriesChartInput): MarkLineData {
  // All reference labels start at the left, leaving the right edge to today's expected-value marker.
  const baseline = {
    name: 'baseline',
    yAxis: kpi.baseline.value,
    lineStyle: { color: theme.baseline, type: 'solid' as const, width: 1.5 },
    label: {
      ...labelBox(theme),
      formatter: baselineLabel(kpi.baseline, kpi.unit),
      position: 'insideStartTop' as const,
      color: theme.baseline,
    },
  };
  const targets = kpi.targets.map((target) => {
    const isNext = kpi.nextTarget?.date === target.date;
    return {
      name: `target ${target.date}`,
      yAxis: target.value,
      lineStyle: {
        color: theme.target,
        type: 'dashed' as const,
        width: isNext ? 2 : 1,
        opacity: isNext ? 1 : 0.7,
      },
      label: {
        ...labelBox(theme),
        formatter: targetLabel(target, kpi.unit),
        position: 'insideStartTop' as const,
        color: theme.target,
      },
    };
  });
  return [baseline, ...targets];
}

function expectedMarker({ kpi, theme }: KpiSeriesChartInput, x: number) {
  if (kpi.expected === null) return [];
  return [
    {
      name: 'expected',
      coord: [x, kpi.expected],
      value: kpi.expected,
      symbol: 'diamond',
      symbolSize: 16,
      itemStyle: { color: theme.expected, borderColor: theme.text, borderWidth: 1 },
      label: {
        ...labelBox(theme),
        show: true,
        position: 'left' as const,
        distance: 10,
        color: theme.expected,
        formatter: `Expected today ${formatValue(kpi.expected, kpi.unit)}`,
      },
    },
  ];
}

/**
 * The KPI page's chart: the series, the baseline as a solid labelled line, each target as a dashed
 * labelled line (the next one bolder), and today's expected value on the trajectory as a marker.
 */
export function buildKpiSeriesOption(input: KpiSeriesChartInput): EChartsOption {
  const { kpi, points, from, to, now, theme } = input;
  const xMax = Math.max(to, now, points.at(-1)?.t ?? to);
  const extent = valueExtent([
    ...points.map((p) => p.value),
    kpi.baseline.value,
    ...kpi.targets.map((t) => t.value),
    kpi.expected,
    kpi.current.value,
  ]);
  const axisText = { color: theme.muted, fontFamily: theme.fontFamily, fontSize: 13 };
  return {
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: { left: 72, right: 32, top: 40, bottom: 72 },
    tooltip: {
      trigger: 'axis',
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
          month: '{d} {MMM}',
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
        height: 24,
        bottom: 16,
        borderColor: theme.border,
        textStyle: axisText,
      },
    ],
    series: [
      {
        type: 'line',
        name: kpi.name,
        data: points.map((p) => [p.t, p.value]),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 2, color: theme.series },
        itemStyle: { color: theme.series },
        markLine: { silent: true, symbol: ['none', 'none'], animation: false, data: referenceLines(input) },
        markPoint: { animation: false, data: expectedMarker(input, xMax) },
      },
    ],
  };
}
