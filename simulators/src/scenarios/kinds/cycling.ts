import { rngAt, stochasticRound } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { siteFactor, vary } from '../shapes.js';
import { modulate, resolveParams, signal, type ParamTable } from '../signal.js';
import { bump, DAY_MS, normaliseWeekly, plateau, type LocalTime } from '../time.js';
import { rainFactor } from '../weather.js';

type Q = 'cycling_count';
const QUANTITIES: readonly Q[] = ['cycling_count'];

/** Bicycles per counter per day, weekly mean: 3 counters ≈ 7,500 bicycles/day; fewer in the rain. */
const DEFAULTS = { cycling_count: signal(2_500, 0.05, 0.3, { rain: 0.7 }) } as const;

/** Commuter peaks on weekdays; a leisure afternoon at weekends. */
export const CYCLING_SHAPE = normaliseWeekly(({ hour, weekend }: LocalTime) =>
  weekend
    ? 0.03 + 0.8 * plateau(hour, 9, 19, 1.5) + 0.8 * bump(hour, 14, 2)
    : 0.03 + 0.5 * plateau(hour, 6.5, 20.5, 1) + 1.8 * bump(hour, 8, 0.7) + 1.5 * bump(hour, 16.8, 1),
);

function create(params: ParamTable): KindModel {
  const p = resolveParams<Q>(DEFAULTS, params).cycling_count;
  const shape = modulate(CYCLING_SHAPE, p.diurnalAmplitude, p.weeklyAmplitude);
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, dtMs, local, weather, climate }) {
      const rng = rngAt(sensor.key, t);
      const rain = rainFactor(weather.raining, p.rain, climate.rainProbability);
      const expected = (p.level * siteFactor(sensor.bias, p.bias) * shape(local) * rain * dtMs) / DAY_MS;
      return [stochasticRound(vary(expected, p.noise, rng.gaussian()), rng)];
    },
  };
}

export const CYCLING_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: {},
  create,
};
