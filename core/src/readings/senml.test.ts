import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveSenmlPack } from './senml.js';

const NOW = 1_700_000_000;
const EXAMPLES = new URL('../../../../shared/data/senml-rfc8428/examples/', import.meta.url);

describe('resolveSenmlPack', () => {
  it('resolves base name, time, unit and value (RFC 8428 §4.6)', () => {
    const result = resolveSenmlPack(
      [
        {
          bn: 'urn:dev:ow:10e2073a01080063:',
          bt: 1.276020076001e9,
          bu: 'A',
          bver: 5,
          n: 'voltage',
          u: 'V',
          v: 120.1,
        },
        { n: 'current', t: -5, v: 1.2 },
        { n: 'current', bv: 10, v: 0.5 },
      ],
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      records: [
        {
          name: 'urn:dev:ow:10e2073a01080063:voltage',
          time: 1.276020076001e9,
          unit: 'V',
          value: 120.1,
          isSum: false,
        },
        {
          name: 'urn:dev:ow:10e2073a01080063:current',
          time: 1.276020071001e9,
          unit: 'A',
          value: 1.2,
          isSum: false,
        },
        {
          name: 'urn:dev:ow:10e2073a01080063:current',
          time: 1.276020076001e9,
          unit: 'A',
          value: 10.5,
          isSum: false,
        },
      ],
    });
  });

  it('treats times below 2^28 as relative to now', () => {
    const result = resolveSenmlPack([{ n: 'temp', t: -60, v: 20 }], NOW);
    expect(result.ok && result.records[0]?.time).toBe(NOW - 60);
  });

  it.each([
    ['an empty pack', []],
    ['a non-array', { n: 'x', v: 1 }],
    ['a string value', [{ n: 'x', vs: 'on' }]],
    ['a must-understand field', [{ n: 'x', v: 1, foo_: 1 }]],
    ['a newer version', [{ bver: 11, n: 'x', v: 1 }]],
    ['an invalid name', [{ n: '-bad name', v: 1 }]],
    ['a wrong value type', [{ n: 'x', v: '1' }]],
    ['a named record without value', [{ n: 'x' }]],
  ])('refuses %s', (_label, pack) => {
    expect(resolveSenmlPack(pack, NOW).ok).toBe(false);
  });

  const numericExamples = ['ex1', 'ex2', 'ex3', 'ex4', 'ex5', 'ex6', 'ex10', 'ex11', 'ex12'];
  const haveExamples = existsSync(EXAMPLES);
  if (!haveExamples)
    console.log('RFC 8428 example packs not found (shared data absent): skipping golden-file checks');
  it.runIf(haveExamples).each(numericExamples)(
    'resolves RFC example %s like the working group’s resolved form',
    (name) => {
      const pack = JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8')) as Array<
        Record<string, unknown>
      >;
      const golden = JSON.parse(
        readFileSync(new URL(`${name}.gen.resolved.json`, EXAMPLES), 'utf8'),
      ) as Array<Record<string, unknown>>;
      const numeric = golden.filter((r) => typeof r.v === 'number' || typeof r.s === 'number');
      const onlyNumericPack = pack.filter((r) => !('vs' in r || 'vb' in r || 'vd' in r));
      const result = resolveSenmlPack(onlyNumericPack, NOW);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.records.map((r) => [r.name, r.unit, r.value])).toEqual(
        numeric.map((r) => [r.n, r.u, r.v ?? r.s]),
      );
    },
  );
});
