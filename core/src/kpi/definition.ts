import type { QuantityId } from '../vocabulary/quantities.js';

export const DIMENSIONS = ['Economy', 'Environment', 'Society and Culture'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Direction = 'lower_is_better' | 'higher_is_better';

/** A rolling window ending at the newest reading seen (event time). */
export interface KpiWindow {
  readonly kind: 'rolling';
  /** Window length in ms. */
  readonly ms: number;
}

/**
 * Declarative KPI formulas. Each is evaluated over the readings of a window; all are computable from
 * mergeable bucket aggregates (count, sum, min, max, countAbove), so the engine updates them
 * incrementally and a batch recomputation from the store gives the same value.
 */
export type Formula =
  /** Mean of all readings of the quantity across sensors. */
  | { readonly kind: 'mean'; readonly quantity: QuantityId }
  /** Sum of readings, multiplied by `scale` (e.g. to express a 24 h total). */
  | { readonly kind: 'sum'; readonly quantity: QuantityId; readonly scale?: number }
  /** Share of readings strictly above `threshold`, in percent. */
  | { readonly kind: 'share_above'; readonly quantity: QuantityId; readonly threshold: number }
  /** Σnumerator / Σdenominator × scale (e.g. renewable share in %). */
  | {
      readonly kind: 'ratio';
      readonly numerator: QuantityId;
      readonly denominator: QuantityId;
      readonly scale: number;
    }
  /** Σquantity × scale / population of the plan's city (e.g. litres per person per day). */
  | { readonly kind: 'per_capita'; readonly quantity: QuantityId; readonly scale: number };

export interface KpiDefinition {
  /** Stable dotted id, e.g. `env.air.pm25.mean24h`. */
  readonly id: string;
  readonly name: string;
  /** Reference in the U4SSC KPI set or ISO 37120/37122, as printed there. */
  readonly reference: string;
  readonly dimension: Dimension;
  readonly subDimension: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly window: KpiWindow;
  readonly formula: Formula;
  readonly description: string;
}

/** Quantities a formula reads. */
export function formulaQuantities(formula: Formula): QuantityId[] {
  return formula.kind === 'ratio' ? [formula.numerator, formula.denominator] : [formula.quantity];
}
