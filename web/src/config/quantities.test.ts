import { describe, expect, it } from 'vitest';
// Runtime import is fine here: tests run in Node, never in the browser bundle.
import { QUANTITIES, QUANTITY_IDS } from '@ssc-monitor/core';
import { QUANTITY_DISPLAY, quantityDisplay } from './quantities';

describe('QUANTITY_DISPLAY', () => {
  it.each(QUANTITY_IDS.map((id) => [id]))('matches the core vocabulary for %s', (id) => {
    expect(QUANTITY_DISPLAY[id]).toEqual({ label: QUANTITIES[id].label, unit: QUANTITIES[id].unit });
  });

  it('has no quantity that core does not know', () => {
    expect(Object.keys(QUANTITY_DISPLAY).sort()).toEqual([...QUANTITY_IDS].sort());
  });

  it('shows an unknown quantity by its name, without unit', () => {
    expect(quantityDisplay('radon')).toEqual({ label: 'radon', unit: '' });
    expect(quantityDisplay('pm25').unit).toBe('µg/m³');
  });
});
