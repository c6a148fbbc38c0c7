import type { Store } from '../../ports/store.js';
import { localDateHour, nextDate, startOfLocalDate } from '../../time/local-time.js';
import { CATALOGUE_VERSION } from '../catalogue.js';
import { formulaQuantities, type Formula, type KpiDefinition } from '../definition.js';
import { formulaThreshold } from '../formula.js';
import { DayTable } from './day-table.js';
import { changeRate, evaluatePeriod, type PeriodValue } from './period-evaluation.js';
import type { SpatialContext } from './spatial.js';

const HOUR = 3_600_000;

export interface MeasureOptions extends SpatialContext {
  /** Local calendar dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly population: number;
  readonly sensorIds?: readonly string[];
  readonly districts?: readonly string[];
}

/** A KPI value measured from stored data, with the lineage a planner needs to defend it. */
export interface Measurement extends PeriodValue {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly formula: Formula;
  readonly catalogueVersion: string;
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to && dates.length < 40_000; d = nextDate(d)) dates.push(d);
  return dates;
}

/** Builds the day table of a window from hourly store aggregates, per station. */
export async function loadDayTable(
  store: Store,
  formula: Formula,
  options: MeasureOptions,
): Promise<DayTable> {
  const table = new DayTable();
  const from = startOfLocalDate(options.from, options.timeZone);
  const to = startOfLocalDate(nextDate(options.to), options.timeZone);
  const threshold = formulaThreshold(formula);
  for (const quantity of formulaQuantities(formula)) {
    const rows = await store.aggregate({
      quantity,
      from,
      to,
      every: HOUR,
      groupBy: 'sensor',
      ...(threshold === undefined ? {} : { threshold }),
      ...(options.sensorIds ? { sensorIds: options.sensorIds } : {}),
      ...(options.districts ? { districts: options.districts } : {}),
    });
    for (const row of rows) {
      const { date, hour } = localDateHour(row.bucket, options.timeZone);
      table.add(quantity, row.sensorId ?? '', date, hour, { ...row, above: row.above ?? 0 });
    }
  }
  return table;
}

/**
 * Measures a KPI over a calendar period from the store: the baseline of a plan, or a reporting
 * value. `change_rate` compares with the whole calendar period before (e.g. last year).
 */
export async function measureKpi(
  store: Store,
  definition: KpiDefinition,
  options: MeasureOptions,
): Promise<Measurement> {
  const lineage = {
    from: options.from,
    to: options.to,
    timeZone: options.timeZone,
    formula: definition.formula,
    catalogueVersion: CATALOGUE_VERSION,
  };
  const formula = definition.formula;
  if (formula.kind !== 'change_rate') {
    const table = await loadDayTable(store, formula, options);
    return { ...evaluatePeriod(definition, table, contextOf(options, options.from, options.to)), ...lineage };
  }
  const inner: KpiDefinition = { ...definition, formula: formula.of };
  const current = await measureKpi(store, inner, options);
  const unit = definition.window.kind === 'calendar' ? definition.window.unit : 'year';
  const previous = await measureKpi(store, inner, { ...options, ...previousPeriod(options.from, unit) });
  return {
    ...current,
    value: changeRate(previous.value, current.value),
    coverage: Math.min(current.coverage, previous.coverage),
    sufficient: current.sufficient && previous.sufficient,
    ...lineage,
  };
}

function contextOf(options: MeasureOptions, from: string, to: string) {
  return {
    population: options.population,
    dates: datesBetween(from, to),
    districtOf: options.districtOf,
    districtPopulation: options.districtPopulation,
  };
}

/** The whole calendar period (year, month or day) before the one starting at `start`. */
export function previousPeriod(start: string, unit: 'day' | 'month' | 'year'): { from: string; to: string } {
  const d = new Date(`${start}T00:00:00Z`);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - 1);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - 1);
  else d.setUTCDate(d.getUTCDate() - 1);
  const to = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: d.toISOString().slice(0, 10), to };
}
