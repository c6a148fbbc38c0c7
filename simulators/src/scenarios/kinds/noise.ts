import type { QuantityId } from '@ssc-monitor/core';
import { rngAt, smoothNoise } from '../draws.js';
import type { KindModel } from '../model.js';
import { bump, HOUR_MS, weeklyMean, plateau, type LocalTime } from '../time.js';

const QUANTITIES: readonly QuantityId[] = ['noise_laeq'];

/** Weekly mean LAeq over all stations, dB(A): about 52 at night and 66 by day. */
const MEAN_LAEQ = 62;

function rawLevel({ hour, weekend }: LocalTime): number {
  return weekend
    ? 51 + 16 * plateau(hour, 8.5, 22.5, 1.5)
    : 51 + 17.5 * plateau(hour, 7, 21.5, 1) + 2 * (bump(hour, 8, 1) + bump(hour, 17, 1.2));
}

// Decibels are averaged arithmetically by the KPI, so calibration is an offset, not a factor.
const OFFSET = MEAN_LAEQ - weeklyMean(rawLevel);

export const NOISE: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, mid, local }) {
    const rng = rngAt(sensor.key, t);
    const level = rawLevel(local) + OFFSET + sensor.bias + 0.8 * smoothNoise(sensor.key, mid, HOUR_MS);
    return [level + 1.2 * rng.gaussian()];
  },
};
