import type { SeriesPoint } from '@ssc-monitor/core';

/** The drawing box of a sparkline, in its own units; the SVG stretches it to the tile. */
export interface SparklineBox {
  readonly width: number;
  readonly height: number;
  /** Room kept clear inside the box, so the line's stroke is not cut at the edges. */
  readonly inset: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}

export const DEFAULT_SPARKLINE_BOX: SparklineBox = {
  width: 300,
  height: 46,
  inset: { top: 4, right: 2, bottom: 2, left: 2 },
};

export interface SparklinePaths {
  /** SVG path data of the line; empty when there is nothing to draw. */
  readonly line: string;
  /** The area under the line, closed to the bottom of the box. */
  readonly area: string;
}

/** One decimal is finer than a pixel at tile size, and keeps the path text short. */
const coord = (n: number): string => String(Math.round(n * 10) / 10);

/** Runs of consecutive points with a value: a null value is a gap, drawn as a break in the line. */
function segments(points: readonly SeriesPoint[]): Array<Array<{ t: number; value: number }>> {
  const runs: Array<Array<{ t: number; value: number }>> = [];
  let run: Array<{ t: number; value: number }> = [];
  for (const { t, value } of points) {
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push({ t, value });
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * A trend line over time and the area under it, scaled to the values' own range (a KPI that moves
 * between 41 and 43 uses the whole height). A flat series is drawn across the middle.
 */
export function sparklinePaths(
  points: readonly SeriesPoint[],
  box: SparklineBox = DEFAULT_SPARKLINE_BOX,
): SparklinePaths {
  const runs = segments(points);
  if (runs.length === 0) return { line: '', area: '' };
  let [tMin, tMax, vMin, vMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const run of runs)
    for (const { t, value } of run) {
      tMin = Math.min(tMin, t);
      tMax = Math.max(tMax, t);
      vMin = Math.min(vMin, value);
      vMax = Math.max(vMax, value);
    }
  const { width, height, inset } = box;
  const [left, right] = [inset.left, width - inset.right];
  const [top, bottom] = [inset.top, height - inset.bottom];
  const x = (t: number) => (tMax === tMin ? right : left + ((t - tMin) / (tMax - tMin)) * (right - left));
  const y = (v: number) =>
    vMax === vMin ? (top + bottom) / 2 : bottom - ((v - vMin) / (vMax - vMin)) * (bottom - top);
  const line: string[] = [];
  const area: string[] = [];
  for (const run of runs) {
    const path = run.map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(x(p.t))} ${coord(y(p.value))}`).join('');
    line.push(path);
    const first = run[0];
    const last = run.at(-1);
    if (first !== undefined && last !== undefined && run.length > 1)
      area.push(`${path}L${coord(x(last.t))} ${coord(height)}L${coord(x(first.t))} ${coord(height)}Z`);
  }
  return { line: line.join(''), area: area.join('') };
}
