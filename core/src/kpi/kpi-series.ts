import type { SeriesPoint, SeriesQuery } from '../ports/platform-view.js';
import type { Store } from '../ports/store.js';
import { localDateHour } from '../time/local-time.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { periodStart } from './calendar-source.js';
import {
  formulaQuantities,
  type CalendarWindow,
  type KpiDefinition,
  type RollingWindow,
} from './definition.js';
import { emptyTotals, evaluateFormula, formulaThreshold, mergeInto, type Totals } from './formula.js';
import { datesBetween, loadDayTable, type MeasureOptions } from './period/measure.js';
import { evaluatePeriod } from './period/period-evaluation.js';
import { BUCKETS_PER_WINDOW } from './window-accumulator.js';

/** What a series needs besides the store: population and, for calendar KPIs, the city's zone and districts. */
export type SeriesContext = Omit<MeasureOptions, 'from' | 'to'>;

/** Evenly spaced point times covering [from, to]. */
function pointTimes(query: SeriesQuery): number[] {
  const points: number[] = [];
  for (let t = Math.ceil(query.from / query.every) * query.every; t <= query.to; t += query.every)
    points.push(t);
  return points;
}

/**
 * A KPI's history. Rolling KPIs: the formula over the window ending at each point, from the same
 * buckets the live engine uses, so the last point and the live value agree. Calendar KPIs: the
 * period-to-date value at each point (e.g. the year-to-date mean).
 */
export async function computeKpiSeries(
  store: Store,
  definition: KpiDefinition,
  context: SeriesContext,
  query: SeriesQuery,
): Promise<SeriesPoint[]> {
  const points = pointTimes(query);
  if (points.length === 0) return [];
  return definition.window.kind === 'rolling'
    ? rollingSeries(store, definition, definition.window, context, points)
    : calendarSeries(store, definition, definition.window, context, points);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The bucket width a rolling series reads. The engine's buckets (a 96th of the window, e.g. 15
 * minutes) are not whole hours, so a store answers them from raw readings only: a year of them is
 * slow and, past the raw retention, empty. When the window and every point time are whole days or
 * hours, each window is exactly a run of whole days or hours, which the store reads from roll-ups;
 * the readings in each window, and so the value, are the same.
 */
function seriesBucketMs(engineBucketMs: number, windowMs: number, points: readonly number[]): number {
  const step = points.length > 1 ? points[1]! - points[0]! : 0;
  const first = points[0] ?? 0;
  // Points on the engine's bucket bounds, so each window ends at its point as the engine's does.
  const onEngineBounds = step % engineBucketMs === 0 && first % engineBucketMs === 0;
  const fits = (width: number): boolean =>
    onEngineBounds && windowMs % width === 0 && step % width === 0 && first % width === 0;
  if (engineBucketMs % DAY_MS !== 0 && fits(DAY_MS)) return DAY_MS;
  if (engineBucketMs % HOUR_MS !== 0 && fits(HOUR_MS)) return HOUR_MS;
  return engineBucketMs;
}

/**
 * The aggregate buckets of each quantity of the formula, by index from `span.from` (whole bucket
 * widths apart), so that each window is a run of indexes.
 */
async function bucketsByQuantity(
  store: Store,
  definition: KpiDefinition,
  context: SeriesContext,
  span: SeriesQuery,
): Promise<Map<QuantityId, (Totals | undefined)[]>> {
  const threshold = formulaThreshold(definition.formula);
  const byQuantity = new Map<QuantityId, (Totals | undefined)[]>();
  for (const quantity of formulaQuantities(definition.formula)) {
    const rows = await store.aggregate({
      quantity,
      ...span,
      groupBy: 'none',
      // The KPI's scope, as the live engine and the calendar series apply it.
      ...(context.sensorIds ? { sensorIds: context.sensorIds } : {}),
      ...(context.districts ? { districts: context.districts } : {}),
      ...(threshold === undefined ? {} : { threshold }),
    });
    const buckets: (Totals | undefined)[] = [];
    for (const r of rows) buckets[(r.bucket - span.from) / span.every] = { ...r, above: r.above ?? 0 };
    byQuantity.set(quantity, buckets);
  }
  return byQuantity;
}

async function rollingSeries(
  store: Store,
  definition: KpiDefinition,
  window: RollingWindow,
  context: SeriesContext,
  points: number[],
): Promise<SeriesPoint[]> {
  const engineBucketMs = Math.max(1, Math.floor(window.ms / BUCKETS_PER_WINDOW));
  const windowMs = engineBucketMs * BUCKETS_PER_WINDOW;
  const bucketMs = seriesBucketMs(engineBucketMs, windowMs, points);
  const first = points[0] ?? 0;
  const from = Math.floor((first - windowMs) / bucketMs) * bucketMs;
  const to = (points.at(-1) ?? first) + 1;
  const byQuantity = await bucketsByQuantity(store, definition, context, { from, to, every: bucketMs });
  const formulaContext = { population: context.population, days: window.ms / 86_400_000 };
  const windowBuckets = windowMs / bucketMs;
  // One totals object per quantity, refilled at each point: a year of points allocates nothing more.
  const sums = new Map<QuantityId, Totals>();
  let last = 0;
  const totals = (quantity: QuantityId): Totals => {
    let sum = sums.get(quantity);
    if (sum === undefined) sums.set(quantity, (sum = emptyTotals()));
    sum.count = sum.sum = sum.above = 0;
    sum.min = Infinity;
    sum.max = -Infinity;
    const buckets = byQuantity.get(quantity) ?? [];
    for (let i = Math.max(0, last - windowBuckets); i < last; i += 1) {
      const bucket = buckets[i];
      if (bucket !== undefined) mergeInto(sum, bucket);
    }
    return sum;
  };
  return points.map((t) => {
    // The window of point t is the engine's BUCKETS_PER_WINDOW buckets before t: [end − windowMs, end).
    last = (Math.floor(t / bucketMs) * bucketMs - from) / bucketMs;
    return { t, value: evaluateFormula(definition.formula, totals, formulaContext) };
  });
}

async function calendarSeries(
  store: Store,
  definition: KpiDefinition,
  window: CalendarWindow,
  context: SeriesContext,
  points: number[],
): Promise<SeriesPoint[]> {
  if (definition.formula.kind === 'change_rate') return points.map((t) => ({ t, value: null }));
  const dateOf = (t: number) => localDateHour(t - 1, context.timeZone).date;
  const from = periodStart(dateOf(points[0] ?? 0), window.unit);
  const to = dateOf(points.at(-1) ?? 0);
  const table = await loadDayTable(store, definition.formula, { ...context, from, to });
  return points.map((t) => {
    const date = dateOf(t);
    const result = evaluatePeriod(definition, table, {
      ...context,
      dates: datesBetween(periodStart(date, window.unit), date),
    });
    return { t, value: result.value };
  });
}
