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
}

/** The threshold readings are counted against, when the formula needs one. */
export function formulaThreshold(formula: Formula): number | undefined {
  return formula.kind === 'share_above' ? formula.threshold : undefined;
}

/**
 * Evaluates a formula from per-quantity totals over a window. Null means "not enough data to say":
 * no readings, or a zero denominator.
 */
export function evaluateFormula(
  formula: Formula,
  totals: (quantity: QuantityId) => Totals,
  context: FormulaContext,
): number | null {
  switch (formula.kind) {
    case 'mean': {
      const t = totals(formula.quantity);
      return t.count === 0 ? null : t.sum / t.count;
    }
    case 'sum': {
      const t = totals(formula.quantity);
      return t.count === 0 ? null : t.sum * (formula.scale ?? 1);
    }
    case 'share_above': {
      const t = totals(formula.quantity);
      return t.count === 0 ? null : (t.above / t.count) * 100;
    }
    case 'ratio': {
      const numerator = totals(formula.numerator);
      const denominator = totals(formula.denominator);
      if (numerator.count === 0 || denominator.count === 0 || denominator.sum === 0) return null;
      return (numerator.sum / denominator.sum) * formula.scale;
    }
    case 'per_capita': {
      const t = totals(formula.quantity);
      return t.count === 0 ? null : (t.sum * formula.scale) / context.population;
    }
  }
}
