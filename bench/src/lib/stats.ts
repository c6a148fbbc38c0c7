/** The value below which a share `q` (0…1) of the samples fall (nearest rank); undefined without samples. */
export function percentile(samples: readonly number[], q: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

/** Rounds to `digits` significant figures, so that tables show what the noise allows. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

/** `a / b` rounded to two decimals; NaN when `b` is zero or either is missing. */
export function ratio(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || b === 0) return Number.NaN;
  return Math.round((a / b) * 100) / 100;
}

/** Median of a few repeated figures (e.g. 3 runs); undefined without values. */
export function median(values: readonly number[]): number | undefined {
  return percentile(values, 0.5);
}
