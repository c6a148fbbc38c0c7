import type { DeadLetter } from '@ssc-monitor/core';

/** A run of rejected messages dense enough to be one incident. */
export interface Burst {
  /** Receive time of the message that took the count to the threshold, epoch ms. */
  readonly start: number;
  /** When the trailing window fell below the threshold again; null while it is still at or above it. */
  readonly end: number | null;
  /** Messages in the burst: those in the window when it started, and every one after until it ended. */
  readonly count: number;
  /** Sensors (or topics, for messages without a sensor) of the burst, most rejected first. */
  readonly sources: readonly string[];
  /** Rejection codes with their counts, most frequent first. */
  readonly codes: readonly (readonly [string, number])[];
}

export interface BurstRule {
  /** At least this many rejected messages… */
  readonly count: number;
  /** …within this long, ms. */
  readonly windowMs: number;
}

function ranked(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function burstOf(letters: readonly DeadLetter[], start: number, end: number | null): Burst {
  return {
    start,
    end,
    count: letters.length,
    sources: ranked(letters.map((l) => l.sensorId ?? l.topic)).map(([source]) => source),
    codes: ranked(letters.map((l) => l.code)),
  };
}

/**
 * Finds bursts: times when at least `rule.count` messages were rejected within `rule.windowMs`. A burst
 * lasts while each new message arrives before the trailing window would drop below the threshold, so
 * a steady stream of rejections is one burst, not one per message. Input order does not matter.
 */
export function findBursts(letters: readonly DeadLetter[], now: number, rule: BurstRule): Burst[] {
  const sorted = [...letters].sort((a, b) => a.receivedAt - b.receivedAt);
  const times = sorted.map((l) => l.receivedAt);
  const bursts: Burst[] = [];
  let left = 0;
  let first = -1;
  let start = 0;
  for (let i = 0; i < times.length; i += 1) {
    const t = times[i] ?? 0;
    // The window is (t − windowMs, t]: a message exactly windowMs older has left it.
    while (t - (times[left] ?? t) >= rule.windowMs) left += 1;
    if (first >= 0) {
      const fallsBelowAt = (times[i - rule.count] ?? 0) + rule.windowMs;
      if (t >= fallsBelowAt) {
        bursts.push(burstOf(sorted.slice(first, i), start, fallsBelowAt));
        first = -1;
      }
    }
    if (first < 0 && i - left + 1 >= rule.count) {
      first = left;
      start = t;
    }
  }
  if (first >= 0) {
    const last = times.length - 1;
    const fallsBelowAt = (times[last - rule.count + 1] ?? 0) + rule.windowMs;
    bursts.push(burstOf(sorted.slice(first), start, fallsBelowAt <= now ? fallsBelowAt : null));
  }
  return bursts;
}
