import type { QuantityId } from '@ssc-monitor/core';
import { rngAt, stochasticRound } from '../draws.js';
import type { KindModel } from '../model.js';
import { siteFactor, vary } from '../shapes.js';
import { bump, DAY_MS, normaliseWeekly, plateau, type LocalTime } from '../time.js';
import { rainFactor } from '../weather.js';

const QUANTITIES: readonly QuantityId[] = ['cycling_count'];

/** Bicycles per counter per day, weekly mean: 3 counters ≈ 7,500 bicycles/day. */
const BICYCLES_PER_DAY = 2_500;

/** Commuter peaks on weekdays; a leisure afternoon at weekends. */
const CYCLING_SHAPE = normaliseWeekly(({ hour, weekend }: LocalTime) =>
  weekend
    ? 0.03 + 0.8 * plateau(hour, 9, 19, 1.5) + 0.8 * bump(hour, 14, 2)
    : 0.03 + 0.5 * plateau(hour, 6.5, 20.5, 1) + 1.8 * bump(hour, 8, 0.7) + 1.5 * bump(hour, 16.8, 1),
);

export const CYCLING: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, dtMs, local, weather }) {
    const rng = rngAt(sensor.key, t);
    const rain = rainFactor(weather.raining, 0.7);
    const expected =
      (BICYCLES_PER_DAY * siteFactor(sensor.bias, 0.3) * CYCLING_SHAPE(local) * rain * dtMs) / DAY_MS;
    return [stochasticRound(vary(expected, 0.05, rng.gaussian()), rng)];
  },
};
