import type { QuantityId } from '../vocabulary/quantities.js';
import type { Formula } from './definition.js';

/** Mergeable totals of the readings of one quantity over a window. */
export interface Totals {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Readings strictly above the formula's threshold (share_above only). */
  above: number;
}

export const emptyTotals = (): Totals => ({ count: 0, sum: 0, min: Infinity, max: -Infinity, above: 0 });

export function mergeInto(target: Totals, source: Totals): void {
  target.count += source.count;
  target.sum += source.sum;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
  target.above += source.above;
}

export interface FormulaContext {
  readonly population: number;
  /** Days the window spans (for per-day normalisation). */
  readonly days: number;
}

/** The threshold readings are counted against, when the formula needs one. */
export function formulaThreshold(formula: Formula): number | undefined {
  return formula.kind === 'share_above' || formula.kind === 'share_below' ? formula.threshold : undefined;
}

/**
 * Evaluates a reading-level formula from pooled per-quantity totals over a window. Null means "not
 * enough data to say" (no readings, or a zero denominator) and for day-based kinds, which need the
 * day table (see period-evaluation.ts).
 */
export function evaluateFormula(
  formula: Formula,
  totals: (quantity: QuantityId) => Totals,
  context: FormulaContext,
): number | null {
  switch (formula.kind) {
    case 'mean':
    case 'sum':
    case 'min':
    case 'max':
      return fromTotals(
        formula.kind,
        totals(formula.quantity),
        formula.kind === 'sum' ? (formula.scale ?? 1) : 1,
      );
    case 'share_above':
    case 'share_below': {
      const t = totals(formula.quantity);
      if (t.count === 0) return null;
      const share = (t.above / t.count) * 100;
      return formula.kind === 'share_above' ? share : 100 - share;
    }
    case 'ratio': {
      const numerator = totals(formula.numerator);
      const denominator = totals(formula.denominator);
      if (numerator.count === 0 || denominator.count === 0 || denominator.sum === 0) return null;
      return (numerator.sum / denominator.sum) * formula.scale;
    }
    case 'per_capita': {
      const t = totals(formula.quantity);
      if (t.count === 0) return null;
      const perCapita = (t.sum * formula.scale) / context.population;
      return formula.perDay ? perCapita / Math.max(1, context.days) : perCapita;
    }
    default:
      return null;
  }
}

/** mean, sum, min or max of totals; null without readings. */
export function fromTotals(kind: 'mean' | 'sum' | 'min' | 'max', t: Totals, scale = 1): number | null {
  if (t.count === 0) return null;
  if (kind === 'mean') return t.sum / t.count;
  if (kind === 'sum') return t.sum * scale;
  return kind === 'min' ? t.min : t.max;
}
