import { QUANTITIES, type QuantityId } from '@ssc-monitor/core';
import type { DemoCity } from './demo-city.js';

export interface QuantitySummary {
  readonly count: number;
  readonly sum: number;
  readonly mean: number;
  /** Share of readings strictly above the threshold asked for, in percent. */
  readonly percentAbove: number;
  /** What a KPI over the period reads: the sum for counters and volumes, the mean for levels. */
  readonly level: number;
}

/**
 * Aggregates the city's readings over (from, to] at a given interval, as the KPI engine would over a
 * window: the yardstick for calibrating scenarios and for checking that Δt does not change totals.
 */
export function summarise(
  city: DemoCity,
  from: number,
  to: number,
  stepMs: number,
  threshold = 55,
): Partial<Record<QuantityId, QuantitySummary>> {
  const acc = new Map<QuantityId, { count: number; sum: number; above: number }>();
  for (let t = from + stepMs; t <= to; t += stepMs) {
    for (const { quantity, value } of city.readings(t, stepMs)) {
      const entry = acc.get(quantity) ?? { count: 0, sum: 0, above: 0 };
      entry.count += 1;
      entry.sum += value;
      if (value > threshold) entry.above += 1;
      acc.set(quantity, entry);
    }
  }
  const out: Partial<Record<QuantityId, QuantitySummary>> = {};
  for (const [quantity, { count, sum, above }] of acc) {
    const mean = sum / count;
    const level = QUANTITIES[quantity].aggregation === 'sum' ? sum : mean;
    out[quantity] = { count, sum, mean, percentAbove: (100 * above) / count, level };
  }
  return out;
}
