import type { QuantityId } from '../../vocabulary/quantities.js';
import {
  DEFAULT_COVERAGE,
  formulaQuantities,
  type DayAggregate,
  type Formula,
  type KpiDefinition,
} from '../definition.js';
import { emptyTotals, evaluateFormula, fromTotals, mergeInto, type Totals } from '../formula.js';
import { hoursWithData, type DayCell, type DayTable } from './day-table.js';
import { combineStations, type SpatialContext } from './spatial.js';

export interface PeriodContext extends SpatialContext {
  readonly population: number;
  /** Every local date of the window (up to today for a window in progress). */
  readonly dates: readonly string[];
}

/** A KPI value over a period, with what it was computed from. */
export interface PeriodValue {
  readonly value: number | null;
  /** Share (0–1) of expected hours (reading-level) or days (day-based) with enough data. */
  readonly coverage: number;
  /** Coverage meets the KPI's rule; below it the value is "insufficient data". */
  readonly sufficient: boolean;
  readonly readings: number;
  readonly sensors: string[];
  /** Day-based formulas: days with enough hours, and days in the window. */
  readonly validDays: number | null;
  readonly days: number;
}

type DayFormula = Extract<Formula, { kind: 'median' | 'percentile' | 'count_days_above' }>;

/** Evaluates a KPI over the days of a window from a day table. */
export function evaluatePeriod(
  definition: KpiDefinition,
  table: DayTable,
  context: PeriodContext,
): PeriodValue {
  const formula = definition.formula;
  const quantities = formula.kind === 'change_rate' ? [] : formulaQuantities(formula);
  const sensors = [...new Set(quantities.flatMap((q) => [...table.stations(q).keys()]))].sort();
  const inWindow = new Set(context.dates);
  const readings = quantities.reduce((n, q) => n + pooled(table, q, inWindow).count, 0);
  const base = { readings, sensors, days: context.dates.length };
  const rule = definition.coverage ?? DEFAULT_COVERAGE;
  if (formula.kind === 'median' || formula.kind === 'percentile' || formula.kind === 'count_days_above') {
    const days = cityDayValues(formula, table, context, definition, rule.minHoursPerDay);
    const coverage = context.dates.length === 0 ? 0 : days.length / context.dates.length;
    return {
      ...base,
      value: dayStatistic(formula, days),
      coverage,
      sufficient: coverage >= rule.minShare,
      validDays: days.length,
    };
  }
  const coverage = hourCoverage(table, quantities, inWindow);
  const value =
    formula.kind === 'mean' && (definition.spatial ?? 'pooled') !== 'pooled'
      ? combineStations(
          stationMeans(table, formula.quantity, inWindow),
          definition.spatial ?? 'stations',
          context,
        )
      : evaluateFormula(formula, (q) => pooled(table, q, inWindow), {
          population: context.population,
          days: context.dates.length,
        });
  return {
    ...base,
    value: perWindow(definition, value, context.dates.length),
    coverage,
    sufficient: coverage >= rule.minShare,
    validDays: null,
  };
}

/**
 * A total over a rolling window (e.g. vehicles per 24 h) measured over a longer calendar period is
 * reported as the average per window, so that a baseline year compares with the live value.
 */
function perWindow(definition: KpiDefinition, value: number | null, days: number): number | null {
  const { window, formula } = definition;
  const isTotal = formula.kind === 'sum' || (formula.kind === 'per_capita' && formula.perDay !== true);
  if (value === null || window.kind !== 'rolling' || !isTotal || days === 0) return value;
  return (value * window.ms) / (days * 86_400_000);
}

/** Relative change in % from a previous period's value to the current one. */
export function changeRate(previous: number | null, current: number | null): number | null {
  if (previous === null || current === null || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

type Dates = ReadonlySet<string>;

/** Cells of one station inside the window. */
function* cellsIn(days: ReadonlyMap<string, DayCell>, inWindow: Dates): Generator<DayCell> {
  for (const [date, cell] of days) if (inWindow.has(date)) yield cell;
}

function pooled(table: DayTable, quantity: QuantityId, inWindow: Dates): Totals {
  const total = emptyTotals();
  for (const days of table.stations(quantity).values())
    for (const cell of cellsIn(days, inWindow)) mergeInto(total, cell);
  return total;
}

function stationMeans(table: DayTable, quantity: QuantityId, inWindow: Dates): Map<string, number> {
  const means = new Map<string, number>();
  for (const [sensorId, days] of table.stations(quantity)) {
    const total = emptyTotals();
    for (const cell of cellsIn(days, inWindow)) mergeInto(total, cell);
    if (total.count > 0) means.set(sensorId, total.sum / total.count);
  }
  return means;
}

/** Hours with data over hours expected, across the stations that reported at all. */
function hourCoverage(table: DayTable, quantities: readonly QuantityId[], inWindow: Dates): number {
  let covered = 0;
  let stations = 0;
  for (const quantity of quantities) {
    for (const days of table.stations(quantity).values()) {
      stations += 1;
      for (const cell of cellsIn(days, inWindow)) covered += hoursWithData(cell);
    }
  }
  return stations === 0 || inWindow.size === 0 ? 0 : Math.min(1, covered / (stations * inWindow.size * 24));
}

function dayValue(cell: DayCell, how: DayAggregate): number | null {
  return fromTotals(how, cell);
}

/** The city's value of each valid day: station day values with enough hours, combined spatially. */
function cityDayValues(
  formula: DayFormula,
  table: DayTable,
  context: PeriodContext,
  definition: KpiDefinition,
  minHours: number,
): number[] {
  const byDate = new Map<string, Map<string, number>>();
  for (const [sensorId, days] of table.stations(formula.quantity)) {
    for (const [date, cell] of days) {
      const value = hoursWithData(cell) >= minHours ? dayValue(cell, formula.day) : null;
      if (value === null) continue;
      if (!byDate.has(date)) byDate.set(date, new Map());
      byDate.get(date)?.set(sensorId, value);
    }
  }
  const inWindow = new Set(context.dates);
  const values: number[] = [];
  for (const [date, stations] of byDate) {
    if (!inWindow.has(date)) continue;
    const value = combineStations(stations, definition.spatial ?? 'stations', context);
    if (value !== null) values.push(value);
  }
  return values;
}

function dayStatistic(formula: DayFormula, values: number[]): number | null {
  if (values.length === 0) return formula.kind === 'count_days_above' ? 0 : null;
  if (formula.kind === 'count_days_above') return values.filter((v) => v > formula.threshold).length;
  const sorted = [...values].sort((a, b) => a - b);
  if (formula.kind === 'median') {
    const mid = sorted.length / 2;
    return Number.isInteger(mid)
      ? ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
      : (sorted[Math.floor(mid)] ?? null);
  }
  // Nearest-rank percentile: the smallest value with at least p % of values at or below it.
  const rank = Math.max(1, Math.ceil((formula.p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}
