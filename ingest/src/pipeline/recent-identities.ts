import type { Reading } from '@ssc-monitor/core';

/** @defaultValue 100_000 identities (a few MB). */
export const DEFAULT_RECENT_IDENTITIES = 100_000;

/**
 * The identities (sensor, quantity, device time) of the most recent readings, to tell a redelivery
 * from a new reading. Bounded: the oldest identity is forgotten first.
 *
 * The order is a ring of keys beside the set, not the set's own insertion order: evicting with
 * `keys().next()` scans every deleted slot of the hash table before the first live one, which made
 * each message cost as much as the rest of the ingest path together once the set was full.
 */
export class RecentIdentities {
  readonly #seen = new Set<string>();
  readonly #ring: (string | undefined)[];
  #next = 0;

  constructor(private readonly capacity = DEFAULT_RECENT_IDENTITIES) {
    this.#ring = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** Remembers the readings; true if any of them was seen before. */
  remember(readings: readonly Reading[]): boolean {
    let seen = false;
    for (const { sensorId, quantity, ts } of readings) {
      const key = `${sensorId}\u0000${quantity}\u0000${ts}`;
      if (this.#seen.has(key)) {
        seen = true;
        continue;
      }
      const oldest = this.#ring[this.#next];
      if (oldest !== undefined) this.#seen.delete(oldest);
      this.#ring[this.#next] = key;
      this.#next = (this.#next + 1) % this.capacity;
      this.#seen.add(key);
    }
    return seen;
  }

  get size(): number {
    return this.#seen.size;
  }
}
