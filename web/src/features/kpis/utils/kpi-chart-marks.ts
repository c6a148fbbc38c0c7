import type { MarkAreaComponentOption, MarkLineComponentOption } from 'echarts';
import type { KpiSnapshot, ReferenceValue } from '@ssc-monitor/core';
import type { ChartTheme } from '../../../config/theme';
import { formatNumber, formatValue, withUnit } from '../../../lib/format';
import { baselineLabel, periodYears, targetLabel } from './kpi-labels';
import { planDateMs } from './ranges';

type MarkLineData = NonNullable<MarkLineComponentOption['data']>;
type MarkAreaData = NonNullable<MarkAreaComponentOption['data']>;

const DAY = 86_400_000;

/** Labels sit on a patch of the panel colour so they stay legible where they cross the series line. */
export const labelBox = (theme: ChartTheme) => ({
  backgroundColor: theme.surface,
  padding: [2, 6],
  borderRadius: 3,
  fontSize: theme.fontSize,
});

/**
 * The baseline (solid) and each target (dashed, the next one bolder), labelled from the left. Labels
 * sit on the side of their line away from the baseline (and the baseline's away from the next
 * target), so that a target close to the baseline does not print over it.
 */
export function planLines(kpi: KpiSnapshot, theme: ChartTheme): MarkLineData {
  const b = kpi.baseline.value;
  const side = (above: boolean) => (above ? ('insideStartTop' as const) : ('insideStartBottom' as const));
  const towards = kpi.nextTarget ?? kpi.targets[0];
  const baseline = {
    name: 'baseline',
    yAxis: kpi.baseline.value,
    lineStyle: { color: theme.baseline, type: 'solid' as const, width: 1.5 },
    label: {
      ...labelBox(theme),
      formatter: baselineLabel(kpi.baseline, kpi.unit),
      position: side(towards === undefined || towards.value <= b),
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
        position: side(target.value > b),
        color: theme.target,
      },
    };
  });
  return [baseline, ...targets];
}

/** "WHO AQG annual 5 µg/m³". */
export function referenceLabel(reference: ReferenceValue, unit: string): string {
  return `${reference.label} ${withUnit(formatNumber(reference.value, { trim: true }), unit)}`;
}

/**
 * Shipped reference values (WHO guidelines, EU limits) as dotted lines labelled in the middle, apart
 * from the plan's own lines on the left and today's marker on the right.
 */
export function referenceLines(
  references: readonly ReferenceValue[],
  unit: string,
  theme: ChartTheme,
): MarkLineData {
  return references.map((reference) => ({
    name: `reference ${reference.label}`,
    yAxis: reference.value,
    lineStyle: { color: theme.reference, type: 'dotted' as const, width: 2 },
    label: {
      ...labelBox(theme),
      formatter: referenceLabel(reference, unit),
      position: 'insideMiddleTop' as const,
      color: theme.reference,
    },
  }));
}

/**
 * The plan's baseline period as a shaded band, clipped to the axis, when it overlaps the range shown;
 * otherwise nothing, so a 24 h view of today carries no band at its edge.
 */
export function baselineArea(
  kpi: KpiSnapshot,
  axis: { min: number; max: number },
  theme: ChartTheme,
): MarkAreaData {
  const start = planDateMs(kpi.baseline.period.from);
  // The period's last date is inclusive: the band runs to the end of that day.
  const end = planDateMs(kpi.baseline.period.to) + DAY;
  if (Number.isNaN(start) || Number.isNaN(end) || end <= axis.min || start >= axis.max) return [];
  return [
    [
      {
        name: `Baseline period ${periodYears(kpi.baseline.period)}`,
        xAxis: Math.max(start, axis.min),
        itemStyle: { color: theme.baseline, opacity: 0.12 },
        label: { color: theme.baseline, fontSize: theme.fontSize, position: 'insideTop' as const },
      },
      { xAxis: Math.min(end, axis.max) },
    ],
  ];
}

/** Today's expected value on the trajectory, as a diamond at the right edge. */
export function expectedMarker(kpi: KpiSnapshot, x: number, theme: ChartTheme) {
  if (kpi.expected === null) return [];
  return [
    {
      name: 'expected',
      coord: [x, kpi.expected],
      value: kpi.expected,
      symbol: 'diamond',
      symbolSize: Math.round(theme.fontSize * 1.2),
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
