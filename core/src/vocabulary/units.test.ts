import { describe, expect, it } from 'vitest';
import { QUANTITY_IDS } from './quantities.js';
import { acceptedUnits, toCanonicalUnit } from './units.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('toCanonicalUnit', () => {
  it('converts known units', () => {
    expect(toCanonicalUnit('no2', 10, 'ppb')).toBeCloseTo(19, 10);
    expect(toCanonicalUnit('pm25', 12, undefined)).toBe(12);
  });

  it.each(PROTOTYPE_NAMES)("treats the unit '%s' as unknown for every quantity", (unit) => {
    for (const quantity of QUANTITY_IDS) expect(toCanonicalUnit(quantity, 1, unit)).toBeUndefined();
  });

  it('lists only units that convert', () => {
    for (const quantity of QUANTITY_IDS)
      for (const unit of acceptedUnits(quantity))
        expect(typeof toCanonicalUnit(quantity, 1, unit)).toBe('number');
  });
});
