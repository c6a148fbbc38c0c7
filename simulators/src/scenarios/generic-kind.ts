import { QUANTITIES, type QuantityId } from '@ssc-monitor/core';
import { rngAt, smoothNoise, stochasticRound } from './draws.js';
import { CYCLING_SHAPE } from './kinds/cycling.js';
import { LOAD_SHAPE } from './kinds/energy.js';
import { DEMAND_SHAPE } from './kinds/water.js';
import type { KindDefinition, KindModel } from './model.js';
import { hashSeed } from './rng.js';
import { siteFactor, TRAFFIC_SHAPE, vary } from './shapes.js';
import { modulate, type ParamTable, type SignalParams } from './signal.js';
import { DAY_MS, HOUR_MS, normaliseWeekly, plateau, type Shape } from './time.js';
import { rainFactor } from './weather.js';

/** Weekly profiles (mean 1) a scenario's own kinds may follow, by name. */
export const PROFILES = {
  flat: () => 1,
  traffic: TRAFFIC_SHAPE,
  commute: CYCLING_SHAPE,
  'household-load': LOAD_SHAPE,
  'water-demand': DEMAND_SHAPE,
  daytime: normaliseWeekly(({ hour }) => 0.2 + plateau(hour, 8, 18, 2)),
  night: normaliseWeekly(({ hour }) => 1.2 - plateau(hour, 7, 21, 2)),
} as const satisfies Record<string, Shape>;

export type ProfileName = keyof typeof PROFILES;
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** One quantity of a scenario-defined kind. */
export interface GenericQuantity {
  readonly quantity: QuantityId;
  readonly profile: ProfileName;
  readonly params: SignalParams;
}

/** Slow wander on top of the white noise, relative: a polluted afternoon, a busy evening. */
const WANDER = 0.05;

/** Counts are whole vehicles or bicycles; other amounts keep their fractions. */
function isCount(quantity: QuantityId): boolean {
  return quantity === 'traffic_count' || quantity === 'cycling_count';
}

function sampler(spec: GenericQuantity): KindModel['sample'] {
  const { quantity, params: p } = spec;
  const shape = modulate(PROFILES[spec.profile], p.diurnalAmplitude, p.weeklyAmplitude);
  const { aggregation, min, max } = QUANTITIES[quantity];
  return (sensor, { t, dtMs, mid, local, weather, climate }) => {
    const key = hashSeed(sensor.key, quantity);
    const rng = rngAt(key, t);
    const rain = rainFactor(weather.raining, p.rain, climate.rainProbability);
    const rate = p.level * shape(local) * siteFactor(sensor.bias, p.bias) * rain;
    const expected = aggregation === 'sum' ? (rate * dtMs) / DAY_MS : rate;
    let value = vary(vary(expected, WANDER, smoothNoise(key, mid, HOUR_MS)), p.noise, rng.gaussian());
    if (isCount(quantity)) value = stochasticRound(value, rng);
    return [Math.min(max, Math.max(min, value))];
  };
}

/**
 * A kind a scenario defines for itself: each quantity is its level times a named weekly profile, a
 * per-sensor site factor and the rain factor, with multiplicative wander and noise. Counters and
 * volumes take the level as the amount per sensor per day.
 */
export function genericKind(specs: readonly GenericQuantity[]): KindDefinition {
  const quantities = specs.map((s) => s.quantity);
  const defaults: ParamTable = Object.fromEntries(specs.map((s) => [s.quantity, s.params]));
  return {
    quantities,
    defaults,
    ignores: {},
    create(params: ParamTable): KindModel {
      const samplers = specs.map((spec) =>
        sampler({ ...spec, params: params[spec.quantity] ?? spec.params }),
      );
      return {
        quantities,
        sample: (sensor, interval) => samplers.flatMap((sample) => sample(sensor, interval)),
      };
    },
  };
}
