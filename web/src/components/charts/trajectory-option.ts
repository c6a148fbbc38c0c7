import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts';
import type { Baseline, SeriesPoint, Target } from '@ssc-monitor/core';
import type { ChartTheme } from '../../config/theme';
import { formatNumber, formatValue } from '../../lib/format';
import type { KpiTrend } from '../../lib/plan/plan-types';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
/** The trend is fitted on the last 90 days of daily values (the API's window); the line is drawn over them. */
export const TREND_FIT_MS = 90 * DAY;
/** Points per compound segment: enough for the curve to read as a curve on a plan-length axis. */
const CURVE_STEPS = 24;

/** End of a calendar date, epoch ms (UTC): how the core places baselines and targets on the time axis. */
export const endOfDate = (date: string): number => Date.parse(`${date}T00:00:00Z`) + DAY;

export interface TrajectoryInput {
  readonly baseline: Pick<Baseline, 'value' | 'period'>;
  readonly targets: readonly Target[];
  readonly trajectory: 'linear' | 'compound';
  readonly unit: string;
  /** Measured history; may be empty (the report draws the plan alone). */
  readonly points: readonly SeriesPoint[];
  readonly current: { readonly value: number | null; readonly at: number | null };
  readonly trend: KpiTrend | null;
  readonly now: number;
  readonly theme: ChartTheme;
  /** Small print-size chart: no zoom, tooltip or line labels. */
  readonly compact?: boolean;
}

type Pair = [number, number];

/**
 * The expected path from the baseline (end of its period) to one target, as the core computes the
 * expected value: straight, or at a constant yearly rate when compound (linear where a rate cannot exist).
 */
export function trajectoryPoints(
  baseline: TrajectoryInput['baseline'],
  target: Target,
  trajectory: 'linear' | 'compound',
): Pair[] {
  const start = endOfDate(baseline.period.to);
  const end = endOfDate(target.date);
  const ratio = baseline.value === 0 ? 0 : target.value / baseline.value;
  if (trajectory === 'linear' || ratio <= 0)
    return [
      [start, baseline.value],
      [end, target.value],
    ];
  return Array.from({ length: CURVE_STEPS + 1 }, (_, i): Pair => {
    const share = i / CURVE_STEPS;
    return [start + (end - start) * share, baseline.value * ratio ** share];
  });
}

/** The fitted trend over its window, and its projection from now to the target date. */
export function trendLines(trend: KpiTrend, now: number): { fitted: Pair[]; projection: Pair[] } {
  const end = endOfDate(trend.target.date);
  const at = (t: number) => trend.projected - (trend.slopePerYear * (end - t)) / YEAR;
  return {
    fitted: [
      [now - TREND_FIT_MS, at(now - TREND_FIT_MS)],
      [now, at(now)],
    ],
    projection: [
      [now, at(now)],
      [end, trend.projected],
    ],
  };
}

/** `data-trajectory` for tests: "2027-12-31:15|2030-12-31:10", targets in date order. */
export function trajectorySignature(targets: readonly Target[]): string {
  return [...targets]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((t) => `${t.date}:${t.value}`)
    .join('|');
}

/**
 * The value axis spans the plan (baseline, targets), the measured values and where the trend is today.
 * A projection far outside (a steep slope over a short window) may overshoot by half the span at most and
 * is clipped there, so one wild projection does not flatten the plan into a line.
 */
export function valueRange(input: TrajectoryInput): { min: number; max: number; interval: number } {
  const values = [
    input.baseline.value,
    ...input.targets.map((t) => t.value),
    ...input.points.flatMap((p) => (p.value === null ? [] : [p.value])),
    ...(input.current.value === null ? [] : [input.current.value]),
  ];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  if (input.trend !== null) {
    const projected = Math.min(hi + span / 2, Math.max(lo - span / 2, input.trend.projected));
    lo = Math.min(lo, projected);
    hi = Math.max(hi, projected);
  }
  const pad = (hi - lo || 1) * 0.05;
  const step = niceStep((hi - lo + 2 * pad) / 4);
  const min = Math.floor((lo - pad) / step) * step;
  // A KPI that cannot go negative should not show negative values just because of the padding.
  return { min: lo >= 0 && min < 0 ? 0 : min, max: Math.ceil((hi + pad) / step) * step, interval: step };
}

/** The round step (1, 2, 2.5 or 5 × 10ⁿ) at or above `raw`, so that ticks land on the axis ends. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10;
  return factor * power;
}

function planSeries(input: TrajectoryInput): Array<LineSeriesOption | ScatterSeriesOption> {
  const { theme, unit } = input;
  const sorted = [...input.targets].sort((a, b) => a.date.localeCompare(b.date));
  const lines: LineSeriesOption[] = sorted.map((target) => ({
    type: 'line',
    name: `Expected path to ${target.date.slice(0, 4)}`,
    data: trajectoryPoints(input.baseline, target, input.trajectory),
    symbol: 'none',
    silent: true,
    lineStyle: { type: 'dashed', width: 1.5, color: theme.target, opacity: 0.8 },
  }));
  const marks: ScatterSeriesOption = {
    type: 'scatter',
    name: 'Baseline and targets',
    data: [
      [endOfDate(input.baseline.period.to), input.baseline.value],
      ...sorted.map((t): Pair => [endOfDate(t.date), t.value]),
    ],
    symbolSize: Math.round(theme.fontSize * 0.7),
    itemStyle: { color: theme.target, borderColor: theme.surface, borderWidth: 1 },
    label: {
      show: input.compact !== true,
      position: 'top',
      color: theme.text,
      fontSize: theme.fontSize,
      formatter: (p) => (Array.isArray(p.value) ? formatValue(Number(p.value[1]), unit, { trim: true }) : ''),
    },
  };
  return [...lines, marks];
}

function measuredSeries(input: TrajectoryInput): Array<LineSeriesOption | ScatterSeriesOption> {
  const { theme, trend } = input;
  const series: Array<LineSeriesOption | ScatterSeriesOption> = [
    {
      type: 'line',
      name: 'Measured',
      data: input.points.map((p) => [p.t, p.value]),
      symbol: 'none',
      connectNulls: false,
      lineStyle: { width: 1.5, color: theme.series },
      itemStyle: { color: theme.series },
    },
  ];
  if (input.current.value !== null)
    series.push({
      type: 'scatter',
      name: 'Now',
      data: [[input.current.at ?? input.now, input.current.value]],
      symbolSize: Math.round(theme.fontSize * 0.9),
      itemStyle: { color: theme.series, borderColor: theme.text, borderWidth: 1 },
    });
  if (trend !== null) {
    const { fitted, projection } = trendLines(trend, input.now);
    series.push(
      {
        type: 'line',
        name: 'Trend',
        data: fitted,
        symbol: 'none',
        lineStyle: { width: 2.5, color: theme.expected },
      },
      {
        type: 'line',
        name: 'Trend projected',
        data: projection,
        symbol: 'none',
        lineStyle: { width: 2, type: 'dotted', color: theme.expected },
      },
    );
  }
  return series;
}

/**
 * The planner's chart, from the baseline to the last target: the expected path to each target
 * (dashed), baseline and targets as points, the measured history, and the trend over its window with
 * its projection to the next target date (dotted). The measured series comes first, so
 * `data-series-length` counts history points.
 */
export function buildTrajectoryOption(input: TrajectoryInput): EChartsOption {
  const { theme } = input;
  const compact = input.compact === true;
  const rem = theme.fontSize / 0.8125;
  const axisText = { color: theme.muted, fontFamily: theme.fontFamily, fontSize: theme.fontSize };
  const lastTarget = Math.max(...input.targets.map((t) => endOfDate(t.date)), input.now);
  const start = Date.parse(`${input.baseline.period.from}T00:00:00Z`);
  const series = [...measuredSeries(input), ...planSeries(input)];
  return {
    animation: !compact,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text, fontSize: theme.fontSize },
    grid: {
      left: Math.round(rem * (compact ? 3 : 4.5)),
      right: Math.round(rem * (compact ? 1 : 2)),
      top: Math.round(rem * (compact ? 1 : 2)),
      bottom: Math.round(rem * (compact ? 1.8 : 2.5)),
    },
    tooltip: compact
      ? undefined
      : {
          trigger: 'axis',
          textStyle: { fontSize: theme.fontSize },
          valueFormatter: (v) => (typeof v === 'number' ? formatValue(v, input.unit) : '—'),
        },
    xAxis: {
      type: 'time',
      min: start,
      max: lastTarget,
      axisLabel: { ...axisText, hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}' } },
      axisLine: { lineStyle: { color: theme.border } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: compact ? undefined : input.unit,
      nameTextStyle: axisText,
      ...valueRange(input),
      axisLabel: { ...axisText, formatter: (v: number) => formatNumber(v, { trim: true }) },
      splitLine: { lineStyle: { color: theme.border, opacity: 0.6 } },
    },
    series,
  };
}
