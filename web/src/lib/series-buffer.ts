import type { SeriesPoint } from '@ssc-monitor/core';

export interface SeriesBufferLimits {
  /** At most this many points are kept; the oldest go first. */
  readonly maxPoints: number;
  /** Points older than the newest point minus this are dropped, ms. */
  readonly windowMs: number;
  /**
   * Spacing kept between points, ms (the series' `every`). The newest point is a sliding head: it moves
   * with each live update until it is this far past the point before it, and only then does a new
   * point start. So a KPI updated every second keeps the resolution of the history it extends.
   */
  readonly minSpacingMs: number;
}

/**
 * Appends a live point to a series without mutating it, keeping the series bounded in length and time.
 * Points are kept in time order: a point older than the newest one (a late or replayed event) is ignored.
 * Returns the input itself when nothing changes, so callers can skip a re-render.
 */
export function appendPoint(
  points: readonly SeriesPoint[],
  point: SeriesPoint,
  limits: SeriesBufferLimits,
): readonly SeriesPoint[] {
  const last = points.at(-1);
  if (last !== undefined && point.t < last.t) return points;
  if (last !== undefined && last.t === point.t && last.value === point.value) return points;
  const previous = points.at(-2);
  const replaceLast =
    last !== undefined &&
    (last.t === point.t || (previous !== undefined && last.t - previous.t < limits.minSpacingMs));
  const next = replaceLast ? [...points.slice(0, -1), point] : [...points, point];
  const oldest = point.t - limits.windowMs;
  let start = Math.max(0, next.length - limits.maxPoints);
  while (start < next.length - 1 && (next[start]?.t ?? oldest) < oldest) start += 1;
  return start === 0 ? next : next.slice(start);
}
