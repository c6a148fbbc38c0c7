import { rngAt, smoothNoise } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { siteFactor, vary } from '../shapes.js';
import { modulate, resolveParams, signal, type ParamTable } from '../signal.js';
import { bump, DAY_MS, HOUR_MS, normaliseWeekly, plateau, type LocalTime } from '../time.js';

type Q = 'water_m3' | 'water_leakage_m3' | 'water_pressure';
const QUANTITIES: readonly Q[] = ['water_m3', 'water_leakage_m3', 'water_pressure'];

/**
 * m³ put into each zone per day, weekly mean: 3 zones ≈ 35,000 m³/day (140 L per person), of which
 * leakage runs day and night at a steady rate, what the night flow reveals. Pressure in bar.
 */
const SUPPLY_PER_DAY = 35_000 / 3;
const DEFAULTS = {
  water_m3: signal(SUPPLY_PER_DAY, 0.05, 0.15),
  water_leakage_m3: signal(0.18 * SUPPLY_PER_DAY, 0.03, 0.3),
  water_pressure: signal(4.5, 0.03, 0.2),
} as const;

/** Household demand: a sharp morning peak (later at weekends), an evening peak, little at night. */
export const DEMAND_SHAPE = normaliseWeekly(({ hour, weekend }: LocalTime) =>
  weekend
    ? 0.12 + 0.6 * plateau(hour, 7, 23, 1.2) + 1.2 * bump(hour, 9.5, 1.5) + 0.8 * bump(hour, 19.5, 1.5)
    : 0.12 + 0.6 * plateau(hour, 6, 23, 1) + 1.4 * bump(hour, 7.5, 1) + 0.9 * bump(hour, 19.5, 1.5),
);

function create(params: ParamTable): KindModel {
  const {
    water_m3: supply,
    water_leakage_m3: leak,
    water_pressure: pressure,
  } = resolveParams<Q>(DEFAULTS, params);
  const demandShape = modulate(DEMAND_SHAPE, supply.diurnalAmplitude, supply.weeklyAmplitude);
  const consumptionPerDay = supply.level - leak.level;
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, dtMs, mid, local }) {
      const rng = rngAt(sensor.key, t);
      const demand = demandShape(local);
      const consumption = (consumptionPerDay * siteFactor(sensor.bias, supply.bias) * demand * dtMs) / DAY_MS;
      const leakage = (leak.level * siteFactor(sensor.bias, leak.bias) * dtMs) / DAY_MS;
      const leaked = vary(leakage, leak.noise, rng.gaussian());
      // Pressure sags when demand is high; the mean of demand is 1, so the mean pressure stays put.
      const bar =
        pressure.level +
        0.35 * (1 - demand) +
        pressure.bias * sensor.bias +
        0.04 * smoothNoise(sensor.key, mid, HOUR_MS) +
        pressure.noise * rng.gaussian();
      return [vary(consumption, supply.noise, rng.gaussian()) + leaked, leaked, Math.max(0, bar)];
    },
  };
}

export const WATER_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: {
    water_m3: ['rain'],
    water_leakage_m3: ['rain', 'diurnalAmplitude', 'weeklyAmplitude'],
    water_pressure: ['rain', 'diurnalAmplitude', 'weeklyAmplitude'],
  },
  create,
};
