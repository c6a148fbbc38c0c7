import { createRng, hashSeed, type Rng } from './rng.js';

/**
 * Random draws keyed by what they describe (a sensor's stream and a time), never by call order: the
 * generator stays pure, and the reading of a sensor at time t is the same whatever else was generated.
 */
export function rngAt(key: number, t: number): Rng {
  return createRng(hashSeed(key, t));
}

function cosineBlend(a: number, b: number, fraction: number): number {
  const w = (1 - Math.cos(Math.PI * fraction)) / 2;
  return a * (1 - w) + b * w;
}

/**
 * Slowly wandering standard-normal noise: independent values at knots `periodMs` apart, blended with a
 * cosine. Models drift that white noise cannot (a polluted afternoon, a mild spell), and its value at
 * t does not depend on the interval at which it is sampled.
 */
export function smoothNoise(key: number, t: number, periodMs: number): number {
  const position = t / periodMs;
  const knot = Math.floor(position);
  const a = createRng(hashSeed(key, knot)).gaussian();
  const b = createRng(hashSeed(key, knot + 1)).gaussian();
  return cosineBlend(a, b, position - knot);
}

/**
 * Rounds to an integer up or down with the probability that keeps the expectation: 0.3 vehicles
 * expected in 10 s become 0 or 1, and their sum over a day still matches the rate.
 */
export function stochasticRound(value: number, rng: Rng): number {
  const floor = Math.floor(value);
  return rng.next() < value - floor ? floor + 1 : floor;
}

/** One standard normal value per key (a sensor of one kind), centred to mean 0 so biases cancel city-wide. */
export function centredGaussians(keys: readonly number[]): number[] {
  const raw = keys.map((key) => createRng(key).gaussian());
  const mean = raw.length === 0 ? 0 : raw.reduce((sum, v) => sum + v, 0) / raw.length;
  return raw.map((v) => v - mean);
}
