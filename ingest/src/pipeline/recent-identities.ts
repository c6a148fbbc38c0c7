import { PointTable, QUANTITY_IDS, type QuantityId, type Reading } from '@ssc-monitor/core';

/** @defaultValue 100_000 identities (about 5 MB). */
export const DEFAULT_RECENT_IDENTITIES = 100_000;

/** Interned sensors per identity of capacity before the interning starts afresh. */
const SENSORS_PER_IDENTITY = 4;

const QUANTITY_INDEX: ReadonlyMap<QuantityId, number> = new Map(QUANTITY_IDS.map((q, i) => [q, i]));

/**
 * The identities (sensor, quantity, device time) of the most recent readings, to tell a redelivery
 * from a new reading. Bounded: the oldest identity is forgotten first.
 *
 * An identity is a number for the sensor and quantity (interned) and the time, kept in a typed-array
 * table and a ring of the same two columns for the order: no string is built and no object kept per
 * reading, which had made remembering cost as much as validating.
 */
export class RecentIdentities {
  readonly #table: PointTable;
  readonly #ringIds: Int32Array;
  readonly #ringTimes: Float64Array;
  readonly #sensors = new Map<string, number>();
  #next = 0;

  constructor(private readonly capacity = DEFAULT_RECENT_IDENTITIES) {
    this.#table = new PointTable(Math.ceil(capacity / 0.7) + 1);
    this.#ringIds = new Int32Array(capacity).fill(-1);
    this.#ringTimes = new Float64Array(capacity);
  }

  /** Remembers the readings; true if any of them was seen before. */
  remember(readings: readonly Reading[]): boolean {
    let seen = false;
    for (const { sensorId, quantity, ts } of readings) {
      const id = this.#idOf(sensorId, quantity);
      if (this.#table.find(id, ts) >= 0) {
        seen = true;
        continue;
      }
      const slot = this.#next;
      if (this.#ringIds[slot] !== -1) this.#table.delete(this.#ringIds[slot]!, this.#ringTimes[slot]!);
      this.#ringIds[slot] = id;
      this.#ringTimes[slot] = ts;
      this.#next = (slot + 1) % this.capacity;
      this.#table.insert(id, ts, 0);
    }
    return seen;
  }

  get size(): number {
    return this.#table.size;
  }

  #idOf(sensorId: string, quantity: QuantityId): number {
    let sensor = this.#sensors.get(sensorId);
    if (sensor === undefined) {
      // Sensor ids that keep changing must not grow the map without end: with more sensors than
      // identities, start afresh (forgetting the identities too only undercounts redeliveries).
      if (this.#sensors.size >= SENSORS_PER_IDENTITY * this.capacity) this.#reset();
      sensor = this.#sensors.size;
      this.#sensors.set(sensorId, sensor);
    }
    return sensor * QUANTITY_IDS.length + (QUANTITY_INDEX.get(quantity) ?? 0);
  }

  #reset(): void {
    this.#sensors.clear();
    this.#table.clear();
    this.#ringIds.fill(-1);
  }
}
