import type { SeriesPoint } from '../ports/platform-view.js';
import type { Direction } from './definition.js';
import { endOfDate } from './progress.js';
import type { Target } from './snapshot.js';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
/**
 * Least history a trend is fitted on: a line through a few days of a daily-cycling indicator,
 * extrapolated years ahead, says nothing (and can project negative concentrations).
 */
export const MIN_TREND_SPAN_MS = 30 * DAY;
export const MIN_TREND_POINTS = 14;

export interface Trend {
  /** Least-squares slope of the KPI, in its unit per year. */
  readonly slopePerYear: number;
  /** Points the slope was fitted on, and their time span (ms). */
  readonly points: number;
  readonly spanMs: number;
  /** Where the trend line reaches at the target date. */
  readonly projected: number;
  readonly target: Target;
  /** Whether the projection meets the target, and by how much it misses (% of the target), if it does. */
  readonly meetsTarget: boolean;
  readonly missByPercent: number | null;
  /** A sentence for the planner screen and reports. */
  readonly verdict: string;
}

/** Ordinary least squares of value on time; null with fewer than two distinct times. */
export function fitLine(points: readonly SeriesPoint[]): { slope: number; intercept: number } | null {
  const valid = points.filter(
    (p): p is { t: number; value: number } => p.value !== null && Number.isFinite(p.value),
  );
  if (valid.length < 2) return null;
  const n = valid.length;
  const meanT = valid.reduce((s, p) => s + p.t, 0) / n;
  const meanV = valid.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of valid) {
    sxx += (p.t - meanT) ** 2;
    sxy += (p.t - meanT) * (p.value - meanV);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanV - slope * meanT };
}

/**
 * The trend of a KPI from its recent history, projected to a target date, with a verdict in plain
 * language ("At the current trend, the 2030 target is missed by 12 %").
 */
export function projectTrend(
  points: readonly SeriesPoint[],
  target: Target,
  direction: Direction,
  unit: string,
): Trend | null {
  const line = fitLine(points);
  const valid = points.filter((p) => p.value !== null);
  if (line === null || valid.length < MIN_TREND_POINTS) return null;
  const span = Math.max(...valid.map((p) => p.t)) - Math.min(...valid.map((p) => p.t));
  if (span < MIN_TREND_SPAN_MS) return null;
  const at = endOfDate(target.date);
  const projected = line.intercept + line.slope * at;
  const meetsTarget = direction === 'lower_is_better' ? projected <= target.value : projected >= target.value;
  const missByPercent =
    meetsTarget || target.value === 0
      ? null
      : (Math.abs(projected - target.value) / Math.abs(target.value)) * 100;
  const year = target.date.slice(0, 4);
  const verdict = meetsTarget
    ? `At the current trend, the ${year} target of ${target.value} ${unit} is met (projected ${round(projected)} ${unit}).`
    : `At the current trend, the ${year} target of ${target.value} ${unit} is missed${missByPercent === null ? '' : ` by ${Math.round(missByPercent)} %`} (projected ${round(projected)} ${unit}).`;
  const times = valid.map((p) => p.t);
  return {
    slopePerYear: line.slope * YEAR,
    points: valid.length,
    spanMs: Math.max(...times) - Math.min(...times),
    projected,
    target,
    meetsTarget,
    missByPercent,
    verdict,
  };
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1);
}
