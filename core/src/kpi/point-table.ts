const EMPTY = -1;
/** Grows when more than this share of the slots is used: linear probing stays short below it. */
const MAX_LOAD = 0.7;
const TWO_32 = 4_294_967_296;

/**
 * A hash map from point identities to values, held in typed arrays: an identity is a small
 * non-negative integer (an interned sensor, or sensor and quantity) and a time (epoch ms, any
 * finite number). A point costs 20 bytes a slot and no object, so millions of recent points neither
 * fill the heap with strings nor give the garbage collector anything to trace.
 *
 * Open addressing with linear probing; deleting shifts the entries after it back, so no tombstones
 * build up in a table that keeps evicting.
 */
export class PointTable {
  #ids: Int32Array;
  #times: Float64Array;
  #values: Float64Array;
  #mask: number;
  #size = 0;

  /** `capacity` is rounded up to a power of two (at least 8). */
  constructor(capacity = 16) {
    let slots = 8;
    while (slots < capacity) slots *= 2;
    this.#mask = slots - 1;
    this.#ids = new Int32Array(slots).fill(EMPTY);
    this.#times = new Float64Array(slots);
    this.#values = new Float64Array(slots);
  }

  get size(): number {
    return this.#size;
  }

  /** Bytes the table holds (for memory budgets). */
  get bytes(): number {
    return this.#ids.length * 20;
  }

  /** The slot of a point, or -1 if absent. A slot is valid until the next `insert` or `delete`. */
  find(id: number, ts: number): number {
    const ids = this.#ids;
    const times = this.#times;
    for (let i = slotOf(id, ts, this.#mask); ; i = (i + 1) & this.#mask) {
      const found = ids[i]!;
      if (found === EMPTY) return -1;
      if (found === id && times[i] === ts) return i;
    }
  }

  valueAt(slot: number): number {
    return this.#values[slot]!;
  }

  setValueAt(slot: number, value: number): void {
    this.#values[slot] = value;
  }

  /** Adds a point that `find` reported absent. */
  insert(id: number, ts: number, value: number): void {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`point id ${id}`);
    if ((this.#size + 1) / this.#ids.length > MAX_LOAD) this.#grow();
    this.#place(id, ts, value);
    this.#size += 1;
  }

  /** Removes a point; false if it was absent. */
  delete(id: number, ts: number): boolean {
    let hole = this.find(id, ts);
    if (hole < 0) return false;
    const ids = this.#ids;
    const times = this.#times;
    const mask = this.#mask;
    // Moves back every entry of the probe run whose home slot does not lie between the hole and it.
    for (let i = (hole + 1) & mask; ids[i] !== EMPTY; i = (i + 1) & mask) {
      const home = slotOf(ids[i]!, times[i]!, mask);
      const stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (stays) continue;
      ids[hole] = ids[i]!;
      times[hole] = times[i]!;
      this.#values[hole] = this.#values[i]!;
      hole = i;
    }
    ids[hole] = EMPTY;
    this.#size -= 1;
    return true;
  }

  clear(): void {
    this.#ids.fill(EMPTY);
    this.#size = 0;
  }

  #place(id: number, ts: number, value: number): void {
    const ids = this.#ids;
    let i = slotOf(id, ts, this.#mask);
    while (ids[i] !== EMPTY) i = (i + 1) & this.#mask;
    ids[i] = id;
    this.#times[i] = ts;
    this.#values[i] = value;
  }

  #grow(): void {
    const [ids, times, values] = [this.#ids, this.#times, this.#values];
    const slots = ids.length * 2;
    this.#mask = slots - 1;
    this.#ids = new Int32Array(slots).fill(EMPTY);
    this.#times = new Float64Array(slots);
    this.#values = new Float64Array(slots);
    for (let i = 0; i < ids.length; i += 1) {
      if (ids[i] !== EMPTY) this.#place(ids[i]!, times[i]!, values[i]!);
    }
  }
}

/** Mixes the id with both halves of the time (murmur3's finaliser). */
function slotOf(id: number, ts: number, mask: number): number {
  let h = Math.imul(id, 0x9e3779b1) ^ (ts >>> 0) ^ Math.imul(Math.floor(ts / TWO_32) | 0, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}
