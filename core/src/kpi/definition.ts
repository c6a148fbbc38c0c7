import type { QuantityId } from '../vocabulary/quantities.js';

export const DIMENSIONS = ['Economy', 'Environment', 'Society and Culture'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Direction = 'lower_is_better' | 'higher_is_better';

/** A rolling window ending at the newest reading seen (event time): the live view of a KPI. */
export interface RollingWindow {
  readonly kind: 'rolling';
  /** Window length in ms. */
  readonly ms: number;
}

/** A calendar period in the city's time zone: the reporting view (annual means, days exceeding…). */
export interface CalendarWindow {
  readonly kind: 'calendar';
  readonly unit: 'day' | 'month' | 'year';
}

export type KpiWindow = RollingWindow | CalendarWindow;

/** How a day's readings of one station combine before a day-based statistic. */
export type DayAggregate = 'mean' | 'max' | 'min' | 'sum';

/**
 * Declarative KPI formulas. Reading-level kinds (mean, sum, min, max, share_above, share_below, ratio,
 * per_capita) are computed from mergeable totals (count, sum, min, max, count above a threshold); day-
 * based kinds (median, percentile, count_days_above) from each day's value with its hour coverage.
 * Both the streaming engine and a batch recomputation from the store build the same totals.
 */
export type Formula =
  /** Mean of readings: per station, then across stations (see KpiDefinition.spatial). */
  | { readonly kind: 'mean'; readonly quantity: QuantityId }
  /** Sum of readings over all sensors, multiplied by `scale`. */
  | { readonly kind: 'sum'; readonly quantity: QuantityId; readonly scale?: number }
  | { readonly kind: 'min' | 'max'; readonly quantity: QuantityId }
  /** Share of readings strictly above `threshold`, in percent ("share of time above"). */
  | { readonly kind: 'share_above'; readonly quantity: QuantityId; readonly threshold: number }
  /** Share of readings at or below `threshold`, in percent ("share of time below"). */
  | { readonly kind: 'share_below'; readonly quantity: QuantityId; readonly threshold: number }
  /** Σnumerator / Σdenominator × scale (e.g. renewable share in %). */
  | {
      readonly kind: 'ratio';
      readonly numerator: QuantityId;
      readonly denominator: QuantityId;
      readonly scale: number;
    }
  /** Σquantity × scale / population; `perDay` divides by the days in the window (e.g. L/person/day). */
  | {
      readonly kind: 'per_capita';
      readonly quantity: QuantityId;
      readonly scale: number;
      readonly perDay?: boolean;
    }
  /** Median of the city's daily values (days with enough hours only). */
  | { readonly kind: 'median'; readonly quantity: QuantityId; readonly day: DayAggregate }
  /** Percentile `p` (0–100, nearest-rank) of the city's daily values. */
  | {
      readonly kind: 'percentile';
      readonly quantity: QuantityId;
      readonly day: DayAggregate;
      readonly p: number;
    }
  /** Days whose value is strictly above `threshold` (days with enough hours only). */
  | {
      readonly kind: 'count_days_above';
      readonly quantity: QuantityId;
      readonly day: DayAggregate;
      readonly threshold: number;
    }
  /** Relative change, in %, of a reading-level formula between the previous window and this one. */
  | {
      readonly kind: 'change_rate';
      readonly of: { readonly kind: 'mean' | 'sum'; readonly quantity: QuantityId };
    };

export type FormulaKind = Formula['kind'];

/**
 * How station values combine into the city value (SDG 11.6.2 asks for population weighting):
 * pooled readings, the mean of stations, the mean of district means, or district means weighted by
 * district population.
 */
export type SpatialAggregation = 'pooled' | 'stations' | 'districts' | 'population_weighted';

/** A reference value shipped with the catalogue (WHO guideline, EU limit, U4SSC band…). */
export interface ReferenceValue {
  readonly label: string;
  readonly value: number;
  readonly source: string;
}

/** When a period's data is enough to report a value (air-quality practice: 75 %). */
export interface CoverageRule {
  /** Hours with data a day needs to count as a valid day. */
  readonly minHoursPerDay: number;
  /** Share (0–1) of expected hours (or days, for day-based formulas) with data for a valid value. */
  readonly minShare: number;
}

export const DEFAULT_COVERAGE: CoverageRule = { minHoursPerDay: 18, minShare: 0.75 };

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
  /** How station values combine into the city value. @defaultValue 'pooled' */
  readonly spatial?: SpatialAggregation;
  readonly coverage?: CoverageRule;
  readonly references?: ReferenceValue[];
}

/** Quantities a formula reads. */
export function formulaQuantities(formula: Formula): QuantityId[] {
  if (formula.kind === 'ratio') return [formula.numerator, formula.denominator];
  if (formula.kind === 'change_rate') return [formula.of.quantity];
  return [formula.quantity];
}

/** Formulas the streaming engine evaluates over rolling windows from pooled totals. */
export function isReadingLevel(formula: Formula): boolean {
  return !['median', 'percentile', 'count_days_above', 'change_rate'].includes(formula.kind);
}
