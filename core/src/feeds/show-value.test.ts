import { describe, expect, it } from 'vitest';
import { showValue } from './show-value.js';

const deep = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('showValue', () => {
  it('shows small values as JSON, cut to the length', () => {
    expect(showValue('12 ug')).toBe('"12 ug"');
    expect(showValue({ v: 1 })).toBe('{"v":1}');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}`);
  });

  it('describes values too deep for JSON.stringify instead of throwing', () => {
    expect(() => JSON.stringify(deep(20_000))).toThrow(RangeError);
    expect(showValue(deep(20_000))).toBe('an object too deep to show');
    expect(showValue(JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`))).toBe(
      'an array too deep to show',
    );
  });
});
