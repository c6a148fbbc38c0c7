import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isQuantityId, type QuantityId, type StoredReading } from '@ssc-monitor/core';
import { HOUR_MS, NEVER, floorTo, type Span } from '../rollup-plan.js';

/** File name inside the spool folder; the spool only takes `<seq>-<count>.lp` names as its own. */
export const JOURNAL_FILE = 'rollups.journal';

export interface HourKey {
  readonly quantity: QuantityId;
  readonly hour: number;
}

/** A marked hour as maintenance saw it: `gen` tells whether a write marked it again since. */
export interface MarkedHour extends HourKey {
  readonly gen: number;
}

/** The distinct hours of a batch, by quantity; times rounded as line protocol rounds them. */
export function hourKeys(readings: readonly StoredReading[]): HourKey[] {
  const seen = new Map<QuantityId, Set<number>>();
  for (const { quantity, ts } of readings) {
    let hours = seen.get(quantity);
    if (hours === undefined) seen.set(quantity, (hours = new Set()));
    hours.add(floorTo(Math.round(ts), HOUR_MS));
  }
  const keys: HourKey[] = [];
  for (const [quantity, hours] of seen) for (const hour of hours) keys.push({ quantity, hour });
  return keys;
}

/** Written by `compact` beside the seal: every hour's district roll-ups were accounted for. */
const DISTRICTS_LINE = 'r districts';

interface Mark {
  gen: number;
  /** Rolled up once; recomputed once more before it is dropped (see `settle`). */
  settled: boolean;
}

/**
 * Which hours' roll-ups lag behind raw readings, and the seal (raw readings before it were
 * deleted), kept in a file beside the spool so that they survive a crash. Lines are `d <quantity>
 * <hour>` (appended, fsynced, before a write reaches the spool), `s <sealed before>` and `r districts`
 * (written by `compact`, which rewrites the file from memory). Together they say that every hour of
 * the bucket was accounted for once, district roll-ups included.
 *
 * A write `reserve`s its hours before it is spooled and `touch`es them once spooled: a reserved
 * hour already counts as lagging for queries, and only touched hours are maintained, so
 * maintenance never rolls up an hour whose batch is not yet queued for InfluxDB.
 */
export class RollupJournal {
  readonly #path: string;
  readonly #marks = new Map<QuantityId, Map<number, Mark>>();
  readonly #reserved = new Map<QuantityId, Map<number, number>>();
  #gen = 0;
  #sealedBefore = NEVER;
  /** Appends and rewrites run one at a time, so a rewrite never drops an appended line. */
  #io: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    this.#path = join(dir, JOURNAL_FILE);
  }

  get sealedBefore(): number {
    return this.#sealedBefore;
  }

  /** Hours marked or reserved. */
  get size(): number {
    let size = 0;
    for (const hours of this.#marks.values()) size += hours.size;
    for (const hours of this.#reserved.values()) size += hours.size;
    return size;
  }

  /**
   * Loads the file; true when it has an `s` line, i.e. this bucket's hours were accounted for, and
   * the districts line, i.e. with their district roll-ups (a journal from before them lacks it).
   */
  async open(): Promise<boolean> {
    let text = '';
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let [sealed, districts] = [false, false];
    for (const line of text.split('\n')) {
      const [kind, first, second] = line.split(' ');
      if (kind === 's' && Number.isSafeInteger(Number(first))) {
        this.#sealedBefore = Math.max(this.#sealedBefore, Number(first));
        sealed = true;
      } else if (line === DISTRICTS_LINE) {
        districts = true;
      } else if (
        kind === 'd' &&
        first !== undefined &&
        isQuantityId(first) &&
        Number.isSafeInteger(Number(second))
      ) {
        // A line torn by a crash can only belong to a write that never reached the spool.
        this.#mark(first, floorTo(Number(second), HOUR_MS));
      }
    }
    return sealed && districts;
  }

  /** Durably records the hours a write is about to spool. */
  async reserve(keys: readonly HourKey[]): Promise<void> {
    const fresh = keys.filter((key) => !this.#known(key));
    for (const key of keys) adjust(this.#reserved, key, 1);
    if (fresh.length === 0) {
      // Another write may still be appending one of these hours: this one is durable only after it.
      await this.#io;
      return;
    }
    const lines = fresh.map((key) => `d ${key.quantity} ${key.hour}\n`).join('');
    try {
      await this.#serial(() => appendSynced(this.#path, lines));
    } catch (error) {
      this.release(keys);
      throw error;
    }
  }

  /** The write's batches are spooled: its hours are now for maintenance to roll up. */
  touch(keys: readonly HourKey[]): void {
    this.release(keys);
    for (const key of keys) this.#mark(key.quantity, key.hour);
  }

  /** The write failed before reaching the spool. */
  release(keys: readonly HourKey[]): void {
    for (const key of keys) adjust(this.#reserved, key, -1);
  }

  snapshot(): MarkedHour[] {
    const marked: MarkedHour[] = [];
    for (const [quantity, hours] of this.#marks) {
      for (const [hour, mark] of hours) marked.push({ quantity, hour, gen: mark.gen });
    }
    return marked.sort((a, b) =>
      a.quantity < b.quantity ? -1 : a.quantity > b.quantity ? 1 : a.hour - b.hour,
    );
  }

  /**
   * After maintenance rolled up `snapshot`: hours not written since are done. Those from
   * `recentFrom` on are only settled, and dropped once rolled up a second time: the second pass
   * repairs a roll-up that another process, writing the same live hour, overwrote with a result
   * computed before our last write had landed. Older hours (backfills) need no second pass.
   */
  settle(snapshot: readonly MarkedHour[], recentFrom: number): void {
    for (const { quantity, hour, gen } of snapshot) {
      const hours = this.#marks.get(quantity);
      const mark = hours?.get(hour);
      if (hours === undefined || mark === undefined || mark.gen !== gen) continue;
      if (mark.settled || hour < recentFrom) hours.delete(hour);
      else mark.settled = true;
    }
  }

  /** Hours of `span` whose roll-ups lag: marked and not yet rolled up, or reserved; in order. */
  laggingHours(quantity: QuantityId, span: Span): number[] {
    const hours: number[] = [];
    for (const [hour, mark] of this.#marks.get(quantity) ?? []) {
      if (!mark.settled && hour >= span.from && hour < span.to) hours.push(hour);
    }
    for (const hour of this.#reserved.get(quantity)?.keys() ?? []) {
      if (hour >= span.from && hour < span.to) hours.push(hour);
    }
    return [...new Set(hours)].sort((a, b) => a - b);
  }

  /**
   * True when some hour before `ms` is reserved or not rolled up yet; raw readings there must stay.
   * A settled hour is rolled up: its second pass needs no raw readings that the retention would take.
   */
  hasLaggingBefore(ms: number): boolean {
    for (const hours of this.#marks.values()) {
      for (const [hour, mark] of hours) if (hour < ms && !mark.settled) return true;
    }
    for (const hours of this.#reserved.values()) for (const hour of hours.keys()) if (hour < ms) return true;
    return false;
  }

  /** Moves the seal (never back) and records it. */
  async seal(ms: number): Promise<void> {
    this.#sealedBefore = Math.max(this.#sealedBefore, ms);
    await this.compact();
  }

  /** Rewrites the file from memory: the seal, then every marked or reserved hour. */
  compact(): Promise<void> {
    return this.#serial(async () => {
      const lines = [`s ${this.#sealedBefore}\n`, `${DISTRICTS_LINE}\n`];
      for (const map of [this.#marks, this.#reserved]) {
        for (const [quantity, hours] of map)
          for (const hour of hours.keys()) lines.push(`d ${quantity} ${hour}\n`);
      }
      const temp = `${this.#path}.next`;
      await writeSynced(temp, lines.join(''));
      await rename(temp, this.#path);
    });
  }

  #known(key: HourKey): boolean {
    return (
      this.#marks.get(key.quantity)?.has(key.hour) === true ||
      this.#reserved.get(key.quantity)?.has(key.hour) === true
    );
  }

  #mark(quantity: QuantityId, hour: number): void {
    let hours = this.#marks.get(quantity);
    if (hours === undefined) this.#marks.set(quantity, (hours = new Map()));
    this.#gen += 1;
    hours.set(hour, { gen: this.#gen, settled: false });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#io.then(work);
    this.#io = run.catch(() => undefined);
    return run;
  }
}

function adjust(counts: Map<QuantityId, Map<number, number>>, key: HourKey, by: number): void {
  let hours = counts.get(key.quantity);
  if (hours === undefined) counts.set(key.quantity, (hours = new Map()));
  const count = (hours.get(key.hour) ?? 0) + by;
  if (count > 0) hours.set(key.hour, count);
  else hours.delete(key.hour);
}

async function appendSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
