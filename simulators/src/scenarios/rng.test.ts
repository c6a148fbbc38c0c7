import { describe, expect, it } from 'vitest';
import { createRng, hashSeed, mulberry32 } from './rng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniform numbers in [0, 1) with the right mean', () => {
    const next = mulberry32(7);
    const values = Array.from({ length: 20_000 }, next);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 2);
  });

  it('draws uniform numbers within the range asked for', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i += 1) {
      const v = rng.uniform(-2, 5);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThan(5);
    }
  });

  it('draws gaussians with the mean and standard deviation asked for', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 20_000 }, () => rng.gaussian(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});

describe('hashSeed', () => {
  it('is a pure function of its parts', () => {
    expect(hashSeed(1, 'aq-centre-1', 1_764_000_000_000)).toBe(hashSeed(1, 'aq-centre-1', 1_764_000_000_000));
  });

  it('separates parts that differ only in the high bits of a timestamp, order or grouping', () => {
    const t = 1_764_000_000_000;
    const hashes = [
      hashSeed(1, t),
      hashSeed(1, t + 2 ** 32),
      hashSeed(t, 1),
      hashSeed('ab', 'c'),
      hashSeed('a', 'bc'),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('returns unsigned 32-bit integers', () => {
    for (const part of [0, -1, 2 ** 40, 'x', 0.5]) {
      const h = hashSeed(part);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});
