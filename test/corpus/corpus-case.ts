import type { QuantityId, RejectionCode } from '@ssc-monitor/core';

/** A value the platform must store for a case it deliberately accepts. */
export interface ExpectedReading {
  readonly quantity: QuantityId;
  readonly value: number;
}

/**
 * What must happen to a message: refused with a stable code (and dead-lettered), or accepted on
 * purpose (the README documents why) with exactly these readings.
 */
export type Expectation =
  | { readonly outcome: 'rejected'; readonly code: RejectionCode }
  | { readonly outcome: 'accepted'; readonly readings: readonly ExpectedReading[] };

/** One MQTT message of the corpus; `topic` is relative to the platform's topic prefix. */
export interface MqttCase {
  readonly class: string;
  readonly description: string;
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly expect: Expectation;
}

/** A case as a class writes it: the corpus gives it a unique sensor id unless it brings a topic. */
export interface MqttDraft {
  readonly description: string;
  /** A whole relative topic (bad-topic classes); `n` is unique across the corpus. */
  readonly topic?: (n: number) => string;
  readonly payload: string | Uint8Array | ((sensorId: string) => string);
  readonly expect: Expectation;
}

export interface MqttClass {
  readonly name: string;
  readonly drafts: readonly MqttDraft[];
}

/** Clock the corpus is built against: timestamps that must be plausible are close to it. */
export interface CorpusClock {
  readonly now: number;
}

export const rejected = (code: RejectionCode): Expectation => ({ outcome: 'rejected', code });
export const accepted = (...readings: ExpectedReading[]): Expectation => ({ outcome: 'accepted', readings });
export const draft = (
  description: string,
  payload: MqttDraft['payload'],
  expect: Expectation,
): MqttDraft => ({ description, payload, expect });

/** Deterministic pseudo-random numbers (mulberry32), so the corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
