import type { QuantityId } from '@ssc-monitor/core';
import { rngAt, smoothNoise } from '../draws.js';
import type { KindModel } from '../model.js';
import { siteFactor, vary } from '../shapes.js';
import { bump, daylight, DAY_MS, HOUR_MS, normaliseWeekly, plateau, type LocalTime } from '../time.js';
import { rainFactor } from '../weather.js';

const QUANTITIES: readonly QuantityId[] = ['energy_kwh', 'pv_kwh'];

/** kWh per district meter per day, weekly mean: 5 meters ≈ 1,375,000 kWh/day (5.5 kWh/person). */
const CONSUMPTION_PER_DAY = 275_000;
/** Local PV generation, 12 % of consumption. */
const PV_PER_DAY = 0.12 * CONSUMPTION_PER_DAY;

/** Base load, a morning ramp and the evening peak; weekends start later and lack the office day. */
const LOAD_SHAPE = normaliseWeekly(({ hour, weekend }: LocalTime) =>
  weekend
    ? 0.7 + 0.2 * plateau(hour, 7.5, 23, 1.2) + 0.3 * bump(hour, 12, 3) + 0.3 * bump(hour, 18.5, 1.8)
    : 0.7 + 0.25 * plateau(hour, 6, 22, 1) + 0.25 * bump(hour, 8.5, 1.5) + 0.35 * bump(hour, 18.5, 1.8),
);

/**
 * PV output per hour as a share of the day's generation: a sin² bell between sunrise and sunset,
 * whose integral over the day is half the day length, so each day yields the same total whatever
 * the season (the demo calibrates to the plan, not to the latitude's winter darkness).
 */
function pvShare({ hour, dayOfYear }: LocalTime): number {
  const { sunrise, sunset } = daylight(dayOfYear);
  if (hour <= sunrise || hour >= sunset) return 0;
  const length = sunset - sunrise;
  return Math.sin((Math.PI * (hour - sunrise)) / length) ** 2 / (length / 2);
}

export const ENERGY: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, dtMs, mid, local, weather }) {
    const rng = rngAt(sensor.key, t);
    const site = siteFactor(sensor.bias, 0.2);
    const load = (CONSUMPTION_PER_DAY * site * LOAD_SHAPE(local) * dtMs) / DAY_MS;
    const clouds = smoothNoise(sensor.key, mid, HOUR_MS);
    const pv = PV_PER_DAY * site * pvShare(local) * rainFactor(weather.raining, 0.6) * (dtMs / HOUR_MS);
    return [vary(load, 0.03, rng.gaussian()), vary(vary(pv, 0.15, clouds), 0.05, rng.gaussian())];
  },
};
