export interface Extent {
  readonly min: number;
  readonly max: number;
}

/** 1, 2 or 5 times a power of ten, at least `rough`: steps whose tick labels read well. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A y-axis range that contains every value given (series, baseline, targets, expected) on round
 * numbers. ECharts sizes its axis from series data only, so reference lines far from the data would
 * otherwise fall off the chart. A range of non-negative values never starts below zero.
 */
export function valueExtent(values: readonly (number | null | undefined)[], ticks = 5): Extent | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return null;
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const span = high - low;
  const pad = span > 0 ? span * 0.05 : Math.abs(high) * 0.1 || 1;
  const step = niceStep((span + 2 * pad) / ticks);
  const min = Math.floor((low - pad) / step) * step;
  return {
    min: low >= 0 ? Math.max(0, min) : min,
    max: Math.ceil((high + pad) / step) * step,
  };
}
