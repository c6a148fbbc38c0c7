import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only';

describe('latestOnly', () => {
  it('keeps only the newest outcome current, whatever order they finish in', () => {
    const begin = latestOnly();
    const first = begin();
    expect(first()).toBe(true);
    const second = begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('keeps separate orders apart', () => {
    const [a, b] = [latestOnly(), latestOnly()];
    const fromA = a();
    b();
    expect(fromA()).toBe(true);
  });
});
