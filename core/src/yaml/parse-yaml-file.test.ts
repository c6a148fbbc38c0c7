import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from './parse-yaml-file.js';

const Schema = Type.Object({ a: Type.Array(Type.String()) });

/** Nine levels of ten aliases each: 10^9 strings once expanded. */
const BILLION_LAUGHS = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => {
    const [name, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
    return `${name}: &${name} [${Array<string>(10).fill(`*${prev}`).join(', ')}]`;
  }),
].join('\n');

describe('parseYamlFile', () => {
  it('reads a valid document', () => {
    expect(parseYamlFile('a: [x, y]\n', Schema)).toEqual({ ok: true, value: { a: ['x', 'y'] } });
  });

  it.each([
    ['an alias expansion bomb', BILLION_LAUGHS],
    ['an alias to an anchor set later', 'a: [*later]\nb: &later x\n'],
    ['an alias to no anchor', 'a: *nope\n'],
  ])('reports %s as an issue instead of throwing', (_what, text) => {
    const result = parseYamlFile(text, Schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message.length).toBeGreaterThan(0);
  });
});
