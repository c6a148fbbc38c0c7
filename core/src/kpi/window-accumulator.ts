import type { Reading } from '../readings/reading.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { emptyTotals, mergeInto, type Totals } from './formula.js';

/** Buckets per window: 96 quarter-hours for a 24 h window. */
export const BUCKETS_PER_WINDOW = 96;
/** How long behind the newest reading a bucket keeps point keys to absorb redeliveries exactly. */
export const DEFAULT_DEDUP_HORIZON_MS = 60 * 60_000;

interface Bucket extends Totals {
  /** Point values by `sensor|ts`, kept while the bucket is inside the dedup horizon. */
  points: Map<string, number> | null;
}

export interface AccumulatorOptions {
  readonly windowMs: number;
  readonly quantities: readonly QuantityId[];
  readonly threshold?: number;
  readonly dedupHorizonMs?: number;
}

/**
 * Incremental state of one KPI: per quantity, mergeable totals in time buckets covering a rolling
 * window that ends at the newest reading seen (event time). Updating is O(1) per reading; reading the
 * window totals is O(buckets). Redelivered points (same sensor, quantity and time) replace their
 * earlier value instead of counting twice while their bucket is within the dedup horizon.
 */
export class WindowAccumulator {
  readonly bucketMs: number;
  readonly #threshold: number | undefined;
  readonly #dedupHorizonMs: number;
  readonly #buckets = new Map<QuantityId, Map<number, Bucket>>();
  #watermark = -Infinity;

  constructor(options: AccumulatorOptions) {
    this.bucketMs = Math.max(1, Math.floor(options.windowMs / BUCKETS_PER_WINDOW));
    this.#threshold = options.threshold;
    this.#dedupHorizonMs = options.dedupHorizonMs ?? DEFAULT_DEDUP_HORIZON_MS;
    for (const quantity of options.quantities) this.#buckets.set(quantity, new Map());
  }

  /** Newest event time seen, epoch ms; -Infinity before any reading. */
  get watermark(): number {
    return this.#watermark;
  }

  /** First bucket start inside the window ending at the watermark. */
  windowStart(): number {
    const newest = Math.floor(this.#watermark / this.bucketMs) * this.bucketMs;
    return newest - (BUCKETS_PER_WINDOW - 1) * this.bucketMs;
  }

  /** Applies a reading; returns false when it does not concern this KPI or is older than the window. */
  add(reading: Reading): boolean {
    const buckets = this.#buckets.get(reading.quantity);
    if (buckets === undefined) return false;
    if (reading.ts > this.#watermark) this.#advance(reading.ts);
    const start = Math.floor(reading.ts / this.bucketMs) * this.bucketMs;
    if (start < this.windowStart()) return false;
    let bucket = buckets.get(start);
    if (bucket === undefined) {
      bucket = { ...emptyTotals(), points: new Map() };
      buckets.set(start, bucket);
    }
    this.#apply(bucket, `${reading.sensorId}|${reading.ts}`, reading.value);
    return true;
  }

  #apply(bucket: Bucket, key: string, value: number): void {
    const previous = bucket.points?.get(key);
    if (previous !== undefined) {
      bucket.sum += value - previous;
      bucket.above += this.#isAbove(value) - this.#isAbove(previous);
    } else {
      bucket.count += 1;
      bucket.sum += value;
      bucket.above += this.#isAbove(value);
    }
    bucket.points?.set(key, value);
    // min/max are not reversible; a replaced value can only widen them, which errs toward the range seen.
    bucket.min = Math.min(bucket.min, value);
    bucket.max = Math.max(bucket.max, value);
  }

  #isAbove(value: number): number {
    return this.#threshold !== undefined && value > this.#threshold ? 1 : 0;
  }

  #advance(ts: number): void {
    const crossesBucket = Math.floor(ts / this.bucketMs) !== Math.floor(this.#watermark / this.bucketMs);
    this.#watermark = ts;
    // Eviction only changes when the newest bucket changes: keeps the per-reading cost O(1).
    if (!crossesBucket) return;
    const windowStart = this.windowStart();
    const dedupStart = ts - this.#dedupHorizonMs;
    for (const buckets of this.#buckets.values()) {
      for (const [start, bucket] of buckets) {
        if (start < windowStart) buckets.delete(start);
        else if (bucket.points !== null && start + this.bucketMs < dedupStart) bucket.points = null;
      }
    }
  }

  /** Totals of one quantity over the current window. */
  totals(quantity: QuantityId): Totals {
    const result = emptyTotals();
    const windowStart = this.windowStart();
    for (const [start, bucket] of this.#buckets.get(quantity) ?? []) {
      if (start >= windowStart) mergeInto(result, bucket);
    }
    return result;
  }
}
