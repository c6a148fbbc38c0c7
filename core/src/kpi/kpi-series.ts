import type { SeriesPoint, SeriesQuery } from '../ports/platform-view.js';
import type { Store } from '../ports/store.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { formulaQuantities, type KpiDefinition } from './definition.js';
import { emptyTotals, evaluateFormula, formulaThreshold, mergeInto, type Totals } from './formula.js';
import { BUCKETS_PER_WINDOW } from './window-accumulator.js';

/**
 * A KPI's history: the formula evaluated over the rolling window ending at each point, from store
 * aggregates in the same buckets the live engine uses, so the last point of the series and the live
 * value agree.
 */
export async function computeKpiSeries(
  store: Store,
  definition: KpiDefinition,
  population: number,
  query: SeriesQuery,
): Promise<SeriesPoint[]> {
  const bucketMs = Math.max(1, Math.floor(definition.window.ms / BUCKETS_PER_WINDOW));
  const first = Math.ceil(query.from / query.every) * query.every;
  const points: number[] = [];
  for (let t = first; t <= query.to; t += query.every) points.push(t);
  if (points.length === 0) return [];
  const windowMs = bucketMs * BUCKETS_PER_WINDOW;
  const from = Math.floor((first - windowMs) / bucketMs) * bucketMs;
  const to = (points.at(-1) ?? first) + 1;
  const threshold = formulaThreshold(definition.formula);
  const byQuantity = new Map<QuantityId, Map<number, Totals>>();
  for (const quantity of formulaQuantities(definition.formula)) {
    const rows = await store.aggregate({
      quantity,
      from,
      to,
      every: bucketMs,
      groupBy: 'none',
      ...(threshold === undefined ? {} : { threshold }),
    });
    byQuantity.set(quantity, new Map(rows.map((r) => [r.bucket, { ...r, above: r.above ?? 0 }])));
  }
  return points.map((t) => {
    // The window of point t is the BUCKETS_PER_WINDOW buckets before t.
    const end = Math.floor(t / bucketMs) * bucketMs;
    const totals = (quantity: QuantityId): Totals => {
      const sum = emptyTotals();
      const buckets = byQuantity.get(quantity);
      for (let start = end - windowMs; start < end; start += bucketMs) {
        const bucket = buckets?.get(start);
        if (bucket !== undefined) mergeInto(sum, bucket);
      }
      return sum;
    };
    return { t, value: evaluateFormula(definition.formula, totals, { population }) };
  });
}
