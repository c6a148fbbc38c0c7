import { rngAt, smoothNoise, stochasticRound } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { siteFactor, TRAFFIC_SHAPE, vary } from '../shapes.js';
import { modulate, resolveParams, signal, type ParamTable } from '../signal.js';
import { DAY_MS, HOUR_MS } from '../time.js';

type Q = 'traffic_count' | 'traffic_speed';
const QUANTITIES: readonly Q[] = ['traffic_count', 'traffic_speed'];

/**
 * Vehicles per counter per day, weekly mean: 4 counters ≈ 48,000 vehicles/day. Speed falls linearly
 * with traffic, by CONGESTION_KMH at the mean traffic: a weekly mean of 32 km/h (noise, bias in km/h).
 */
const DEFAULTS = {
  traffic_count: signal(12_000, 0.05, 0.35),
  traffic_speed: signal(32, 1.5, 2.5),
} as const;
const CONGESTION_KMH = 6;

function create(params: ParamTable): KindModel {
  const p = resolveParams<Q>(DEFAULTS, params);
  const shapeOf = modulate(TRAFFIC_SHAPE, p.traffic_count.diurnalAmplitude, p.traffic_count.weeklyAmplitude);
  const freeFlow = p.traffic_speed.level + CONGESTION_KMH;
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, dtMs, mid, local }) {
      const rng = rngAt(sensor.key, t);
      const shape = shapeOf(local);
      const count = p.traffic_count;
      const expected = (count.level * siteFactor(sensor.bias, count.bias) * shape * dtMs) / DAY_MS;
      const vehicles = stochasticRound(vary(expected, count.noise, rng.gaussian()), rng);
      // The same site bias as the count: busier sites (ring roads) are also faster ones.
      const speed =
        freeFlow -
        CONGESTION_KMH * shape +
        p.traffic_speed.bias * sensor.bias +
        1.5 * smoothNoise(sensor.key, mid, HOUR_MS);
      return [vehicles, Math.max(3, speed + p.traffic_speed.noise * rng.gaussian())];
    },
  };
}

export const TRAFFIC_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: {
    traffic_count: ['rain'],
    // Speed follows the count's profile: its amplitudes are the count's.
    traffic_speed: ['rain', 'diurnalAmplitude', 'weeklyAmplitude'],
  },
  create,
};
