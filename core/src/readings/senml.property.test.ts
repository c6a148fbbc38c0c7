import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSenmlPack } from './senml.js';

const NOW_S = 1_795_600_000;
const name = fc
  .tuple(fc.constantFrom(...'aZ7'), fc.string({ unit: fc.constantFrom(...'az09-:./_'), maxLength: 20 }))
  .map(([a, b]) => a + b);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const record = fc.record({
  n: fc.string({ unit: fc.constantFrom(...'az09-:./_'), maxLength: 8 }),
  v: finite,
  t: fc.integer({ min: -1e6, max: 1e6 }),
});

describe('SenML resolution (RFC 8428 §4.6)', () => {
  it('resolves names, times and values from the base fields', () => {
    fc.assert(
      fc.property(
        name,
        fc.integer({ min: 2 ** 28 + 1e6, max: 2 ** 31 }),
        finite,
        fc.array(record, { minLength: 1, maxLength: 20 }),
        (bn, bt, bv, records) => {
          const pack = [{ bn, bt, bv, ...records[0] }, ...records.slice(1)];
          const result = resolveSenmlPack(pack, NOW_S);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.records).toHaveLength(records.length);
          result.records.forEach((resolved, i) => {
            const r = records[i]!;
            expect(resolved.name).toBe(bn + r.n);
            expect(resolved.time).toBe(bt + r.t);
            expect(resolved.value).toBe(bv + r.v);
            expect(resolved.isSum).toBe(false);
          });
        },
      ),
    );
  });

  it('makes times below 2^28 s relative to now', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: -1e6, max: 2 ** 28 - 1 }), (n, t) => {
        const result = resolveSenmlPack([{ n, v: 1, t }], NOW_S);
        expect(result.ok && result.records[0]?.time).toBe(NOW_S + t);
      }),
    );
  });

  it('never throws, and resolves only to finite numbers and valid names, whatever the JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.dictionary(
              fc.constantFrom('bn', 'n', 'v', 'bv', 't', 'bt', 'u', 's', 'x_', 'vs'),
              fc.jsonValue(),
            ),
          ),
        ),
        (pack) => {
          const result = resolveSenmlPack(pack, NOW_S);
          if (!result.ok) return;
          for (const r of result.records) {
            expect(Number.isFinite(r.value) && Number.isFinite(r.time)).toBe(true);
            expect(r.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9\-:./_]*$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
