/**
 * Seeded pseudo-random numbers. mulberry32: 32-bit state, fast, and good enough for simulated sensor
 * noise (not for cryptography). The same seed always gives the same sequence on every platform.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Normal distribution (Box–Muller). */
  gaussian(mean?: number, sd?: number): number;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    gaussian: (mean = 0, sd = 1) => {
      // 1 − u keeps the logarithm's argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function mixWord(h: number, word: number): number {
  return fmix32(Math.imul(h ^ word, 0x9e3779b1) + 0x7f4a7c15);
}

/**
 * Derives a 32-bit seed from a sequence of parts (seed, sensor id, quantity, time, …), so that each
 * random draw is a pure function of what it describes rather than of how many draws came before.
 * Integers up to 2^53 (epoch milliseconds) are hashed exactly; other numbers by their decimal text.
 */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === 'number' && Number.isSafeInteger(part)) {
      h = mixWord(h, part >>> 0);
      h = mixWord(h, Math.floor(part / 4294967296) >>> 0);
    } else {
      const text = String(part);
      for (let i = 0; i < text.length; i += 1) h = mixWord(h, text.charCodeAt(i));
      h = mixWord(h, text.length);
    }
  }
  return h;
}
