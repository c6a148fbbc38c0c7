import type { QuantityId } from '@ssc-monitor/core';
import { rngAt } from '../draws.js';
import type { KindModel } from '../model.js';
import { HOUR_MS } from '../time.js';

const QUANTITIES: readonly QuantityId[] = ['waste_fill_pct'];

/** Bins fill over two days and are then emptied. */
const CYCLE_MS = 48 * HOUR_MS;
/** Mean fill level, %: a sawtooth from ≈ 16 % to ≈ 98 % around it. */
const MEAN_FILL = 57;
const HALF_RANGE = 41;

export const WASTE: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, mid }) {
    const rng = rngAt(sensor.key, t);
    // Bins share the cycle length but are emptied at evenly spread times (collection rounds), so the
    // city-wide mean stays near MEAN_FILL instead of swinging as all bins fill together.
    const phase = (sensor.index + 0.5) / sensor.count;
    const position = (((mid / CYCLE_MS + phase) % 1) + 1) % 1;
    const range = HALF_RANGE * (1 + 0.05 * sensor.bias);
    const fill = MEAN_FILL + range * (2 * position - 1) + 1.5 * rng.gaussian();
    return [Math.min(100, Math.max(0, fill))];
  },
};
