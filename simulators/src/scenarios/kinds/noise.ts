import { rngAt, smoothNoise } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { modulateOffset, resolveParams, signal, type ParamTable } from '../signal.js';
import { bump, HOUR_MS, weeklyMean, plateau, type LocalTime } from '../time.js';

type Q = 'noise_laeq';
const QUANTITIES: readonly Q[] = ['noise_laeq'];

/** Weekly mean LAeq over all stations, dB(A): about 52 at night and 66 by day; noise and bias in dB. */
const DEFAULTS = { noise_laeq: signal(62, 1.2, 1) } as const;

function rawLevel({ hour, weekend }: LocalTime): number {
  return weekend
    ? 51 + 16 * plateau(hour, 8.5, 22.5, 1.5)
    : 51 + 17.5 * plateau(hour, 7, 21.5, 1) + 2 * (bump(hour, 8, 1) + bump(hour, 17, 1.2));
}

function create(params: ParamTable): KindModel {
  const p = resolveParams<Q>(DEFAULTS, params).noise_laeq;
  const profile = modulateOffset(rawLevel, p.diurnalAmplitude, p.weeklyAmplitude);
  // Decibels are averaged arithmetically by the KPI, so calibration is an offset, not a factor.
  const offset = p.level - weeklyMean(profile);
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, mid, local }) {
      const rng = rngAt(sensor.key, t);
      const level =
        profile(local) + offset + p.bias * sensor.bias + 0.8 * smoothNoise(sensor.key, mid, HOUR_MS);
      return [level + p.noise * rng.gaussian()];
    },
  };
}

export const NOISE_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: { noise_laeq: ['rain'] },
  create,
};
