import type { QuantityId } from '@ssc-monitor/core';
import { rngAt, smoothNoise } from '../draws.js';
import type { KindModel } from '../model.js';
import { siteFactor, vary } from '../shapes.js';
import { bump, DAY_MS, HOUR_MS, normaliseWeekly, plateau, type LocalTime } from '../time.js';

const QUANTITIES: readonly QuantityId[] = ['water_m3', 'water_leakage_m3', 'water_pressure'];

/** m³ put into each zone per day, weekly mean: 3 zones ≈ 35,000 m³/day (140 L per person). */
const SUPPLY_PER_DAY = 35_000 / 3;
/** Leakage runs day and night at a steady rate: what the night flow reveals. */
const LEAKAGE_SHARE = 0.18;
const LEAKAGE_PER_DAY = LEAKAGE_SHARE * SUPPLY_PER_DAY;
const CONSUMPTION_PER_DAY = SUPPLY_PER_DAY - LEAKAGE_PER_DAY;
const MEAN_PRESSURE_BAR = 4.5;

/** Household demand: a sharp morning peak (later at weekends), an evening peak, little at night. */
const DEMAND_SHAPE = normaliseWeekly(({ hour, weekend }: LocalTime) =>
  weekend
    ? 0.12 + 0.6 * plateau(hour, 7, 23, 1.2) + 1.2 * bump(hour, 9.5, 1.5) + 0.8 * bump(hour, 19.5, 1.5)
    : 0.12 + 0.6 * plateau(hour, 6, 23, 1) + 1.4 * bump(hour, 7.5, 1) + 0.9 * bump(hour, 19.5, 1.5),
);

export const WATER: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, dtMs, mid, local }) {
    const rng = rngAt(sensor.key, t);
    const demand = DEMAND_SHAPE(local);
    const consumption = (CONSUMPTION_PER_DAY * siteFactor(sensor.bias, 0.15) * demand * dtMs) / DAY_MS;
    const leakage = (LEAKAGE_PER_DAY * siteFactor(sensor.bias, 0.3) * dtMs) / DAY_MS;
    const leaked = vary(leakage, 0.03, rng.gaussian());
    // Pressure sags when demand is high; the mean of demand is 1, so the mean pressure stays put.
    const pressure =
      MEAN_PRESSURE_BAR +
      0.35 * (1 - demand) +
      0.2 * sensor.bias +
      0.04 * smoothNoise(sensor.key, mid, HOUR_MS) +
      0.03 * rng.gaussian();
    return [vary(consumption, 0.05, rng.gaussian()) + leaked, leaked, Math.max(0, pressure)];
  },
};
