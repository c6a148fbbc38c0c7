import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDurationMs } from './duration.js';

const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

describe('parseDurationMs', () => {
  it('is the count times the unit for every whole count and unit', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.constantFrom(...(Object.keys(UNITS) as (keyof typeof UNITS)[])),
        (n, unit) => {
          expect(parseDurationMs(`${n}${unit}`)).toBe(n * UNITS[unit]);
          expect(parseDurationMs(` ${n}${unit} `)).toBe(n * UNITS[unit]);
        },
      ),
    );
  });

  it('takes a bare number as milliseconds', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(parseDurationMs(String(n))).toBe(n);
      }),
    );
  });

  it('gives a finite, non-negative number or undefined for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const ms = parseDurationMs(text);
        if (ms !== undefined) {
          expect(Number.isFinite(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
