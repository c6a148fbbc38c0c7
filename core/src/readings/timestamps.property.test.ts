import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_TS, MAX_CLOCK_AHEAD_MS, parseTimestamp } from './timestamps.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const plausible = fc.integer({ min: EARLIEST_TS, max: NOW + MAX_CLOCK_AHEAD_MS });

describe('timestamp normalisation', () => {
  it('takes back any plausible instant written as ISO 8601 in UTC', () => {
    fc.assert(
      fc.property(plausible, (ts) => {
        expect(parseTimestamp(new Date(ts).toISOString(), NOW)).toEqual({ ok: true, ts });
      }),
    );
  });

  it('takes back the same instant written with any whole-minute UTC offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: EARLIEST_TS + 86_400_000, max: NOW - 86_400_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ts, offsetMin) => {
          const ms = Math.floor(ts / 1000) * 1000;
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseTimestamp(`${local}${zone}`, NOW)).toEqual({ ok: true, ts: ms });
        },
      ),
    );
  });

  it('takes epoch milliseconds as they are and refuses values that look like seconds', () => {
    fc.assert(
      fc.property(plausible, (ts) => {
        expect(parseTimestamp(ts, NOW)).toEqual({ ok: true, ts });
        expect(parseTimestamp(Math.floor(ts / 1000), NOW).ok).toBe(false);
      }),
    );
  });

  it('never throws and only accepts plausible times, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.integer()), (input) => {
        const result = parseTimestamp(input, NOW);
        if (result.ok) {
          expect(result.ts).toBeGreaterThanOrEqual(EARLIEST_TS);
          expect(result.ts).toBeLessThanOrEqual(NOW + MAX_CLOCK_AHEAD_MS);
        } else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
