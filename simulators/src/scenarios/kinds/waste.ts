import { rngAt } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { resolveParams, signal, type ParamTable } from '../signal.js';
import { HOUR_MS } from '../time.js';

type Q = 'waste_fill_pct';
const QUANTITIES: readonly Q[] = ['waste_fill_pct'];

/** Mean fill level, %: a sawtooth from ≈ 16 % to ≈ 98 % around it (noise in %, bias on the range). */
const DEFAULTS = { waste_fill_pct: signal(57, 1.5, 0.05) } as const;
/** Bins fill over two days and are then emptied. */
const CYCLE_MS = 48 * HOUR_MS;
const HALF_RANGE = 41;

function create(params: ParamTable): KindModel {
  const p = resolveParams<Q>(DEFAULTS, params).waste_fill_pct;
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, mid }) {
      const rng = rngAt(sensor.key, t);
      // Bins share the cycle length but are emptied at evenly spread times (collection rounds), so the
      // city-wide mean stays near the level instead of swinging as all bins fill together.
      const phase = (sensor.index + 0.5) / sensor.count;
      const position = (((mid / CYCLE_MS + phase) % 1) + 1) % 1;
      const range = HALF_RANGE * (1 + p.bias * sensor.bias);
      const fill = p.level + range * (2 * position - 1) + p.noise * rng.gaussian();
      return [Math.min(100, Math.max(0, fill))];
    },
  };
}

export const WASTE_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: { waste_fill_pct: ['rain', 'diurnalAmplitude', 'weeklyAmplitude'] },
  create,
};
