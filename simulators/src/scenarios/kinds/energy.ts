import { rngAt, smoothNoise } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { siteFactor, vary } from '../shapes.js';
import { modulate, resolveParams, signal, type ParamTable } from '../signal.js';
import { bump, daylight, DAY_MS, HOUR_MS, normaliseWeekly, plateau, type LocalTime } from '../time.js';
import { rainFactor } from '../weather.js';

type Q = 'energy_kwh' | 'pv_kwh';
const QUANTITIES: readonly Q[] = ['energy_kwh', 'pv_kwh'];

/**
 * kWh per district meter per day, weekly mean: 5 meters ≈ 1,375,000 kWh/day (5.5 kWh/person), and
 * local PV generating 12 % of it, less under rain clouds.
 */
const CONSUMPTION_PER_DAY = 275_000;
const DEFAULTS = {
  energy_kwh: signal(CONSUMPTION_PER_DAY, 0.03, 0.2),
  pv_kwh: signal(0.12 * CONSUMPTION_PER_DAY, 0.05, 0.2, { rain: 0.6 }),
} as const;

/** Base load, a morning ramp and the evening peak; weekends start later and lack the office day. */
export const LOAD_SHAPE = normaliseWeekly(({ hour, weekend }: LocalTime) =>
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

function create(params: ParamTable): KindModel {
  const { energy_kwh: load, pv_kwh: pv } = resolveParams<Q>(DEFAULTS, params);
  const loadShape = modulate(LOAD_SHAPE, load.diurnalAmplitude, load.weeklyAmplitude);
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, dtMs, mid, local, weather, climate }) {
      const rng = rngAt(sensor.key, t);
      const consumed = (load.level * siteFactor(sensor.bias, load.bias) * loadShape(local) * dtMs) / DAY_MS;
      const clouds = smoothNoise(sensor.key, mid, HOUR_MS);
      const generated =
        pv.level *
        siteFactor(sensor.bias, pv.bias) *
        pvShare(local) *
        rainFactor(weather.raining, pv.rain, climate.rainProbability) *
        (dtMs / HOUR_MS);
      return [
        vary(consumed, load.noise, rng.gaussian()),
        vary(vary(generated, 0.15, clouds), pv.noise, rng.gaussian()),
      ];
    },
  };
}

export const ENERGY_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: { energy_kwh: ['rain'], pv_kwh: ['diurnalAmplitude', 'weeklyAmplitude'] },
  create,
};
