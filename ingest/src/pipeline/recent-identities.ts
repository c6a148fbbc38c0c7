import type { Reading } from '@ssc-monitor/core';

/** @defaultValue 100_000 identities (a few MB). */
export const DEFAULT_RECENT_IDENTITIES = 100_000;

/**
 * The identities (sensor, quantity, device time) of the most recent readings, to tell a redelivery
 * from a new reading. Bounded: the oldest identity is forgotten first (a Map keeps insertion order).
 */
export class RecentIdentities {
  readonly #seen = new Map<string, true>();

  constructor(private readonly capacity = DEFAULT_RECENT_IDENTITIES) {}

  /** Remembers the readings; true if any of them was seen before. */
  remember(readings: readonly Reading[]): boolean {
    let seen = false;
    for (const { sensorId, quantity, ts } of readings) {
      const key = `${sensorId}\u0000${quantity}\u0000${ts}`;
      if (this.#seen.has(key)) {
        seen = true;
        continue;
      }
      this.#seen.set(key, true);
      if (this.#seen.size > this.capacity) this.#seen.delete(this.#seen.keys().next().value!);
    }
    return seen;
  }

  get size(): number {
    return this.#seen.size;
  }
}
