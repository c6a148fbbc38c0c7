import type { QuantityId } from '@ssc-monitor/core';
import { rngAt, smoothNoise, stochasticRound } from '../draws.js';
import type { KindModel } from '../model.js';
import { siteFactor, TRAFFIC_SHAPE, vary } from '../shapes.js';
import { DAY_MS, HOUR_MS } from '../time.js';

const QUANTITIES: readonly QuantityId[] = ['traffic_count', 'traffic_speed'];

/** Vehicles per counter per day, weekly mean: 4 counters ≈ 48,000 vehicles/day. */
const VEHICLES_PER_DAY = 12_000;
/** Speed falls linearly with traffic; with the shape's mean of 1 the weekly mean is 38 − 6 = 32 km/h. */
const FREE_FLOW_KMH = 38;
const CONGESTION_KMH = 6;

export const TRAFFIC: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, dtMs, mid, local }) {
    const rng = rngAt(sensor.key, t);
    const shape = TRAFFIC_SHAPE(local);
    const expected = (VEHICLES_PER_DAY * siteFactor(sensor.bias, 0.35) * shape * dtMs) / DAY_MS;
    const count = stochasticRound(vary(expected, 0.05, rng.gaussian()), rng);
    // The same site bias as the count: busier sites (ring roads) are also faster ones.
    const speed =
      FREE_FLOW_KMH -
      CONGESTION_KMH * shape +
      2.5 * sensor.bias +
      1.5 * smoothNoise(sensor.key, mid, HOUR_MS);
    return [count, Math.max(3, speed + 1.5 * rng.gaussian())];
  },
};
