import type { Reading } from '../readings/reading.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { emptyTotals, mergeInto, type Totals } from './formula.js';
import { PointTable } from './point-table.js';

/** Buckets per window: 96 quarter-hours for a 24 h window. */
export const BUCKETS_PER_WINDOW = 96;
/** How long behind the newest reading a bucket keeps point keys to absorb redeliveries exactly. */
export const DEFAULT_DEDUP_HORIZON_MS = 60 * 60_000;
/**
 * Most points one KPI remembers for deduplication (about 30–60 MB). Under a sustained flood the
 * oldest slices are forgotten first, so the horizon shrinks to what the budget holds (25 s at 40k
 * readings a second); redeliveries arrive within seconds of the original.
 */
export const DEFAULT_DEDUP_POINTS = 1_000_000;
/** Point keys are kept in slices of this span, ms: the unit in which a budget overflow forgets. */
const SLICE_MS = 10_000;

/** Recent point values of one quantity in a time slice that lies within one bucket. */
interface Slice {
  readonly start: number;
  readonly end: number;
  readonly bucketStart: number;
  readonly points: PointTable;
}

interface Bucket extends Totals {
  /** False once the bucket fell behind the dedup horizon: its points are forgotten. */
  dedup: boolean;
}

interface QuantityState {
  readonly buckets: Map<number, Bucket>;
  readonly slices: Map<number, Slice>;
  /** The slice written last: most readings fall in it. */
  last: Slice | undefined;
}

export interface AccumulatorOptions {
  readonly windowMs: number;
  readonly quantities: readonly QuantityId[];
  readonly threshold?: number;
  readonly dedupHorizonMs?: number;
  /** @defaultValue DEFAULT_DEDUP_POINTS */
  readonly dedupPoints?: number;
}

/**
 * Incremental state of one KPI: per quantity, mergeable totals in time buckets covering a rolling
 * window that ends at the newest reading seen (event time). Updating is O(1) per reading; reading the
 * window totals is O(buckets). Redelivered points (same sensor, quantity and time) replace their
 * earlier value instead of counting twice while their bucket is within the dedup horizon (and the
 * point within the newest `dedupPoints`).
 */
export class WindowAccumulator {
  readonly bucketMs: number;
  readonly #threshold: number | undefined;
  readonly #dedupHorizonMs: number;
  readonly #dedupPoints: number;
  readonly #quantities = new Map<QuantityId, QuantityState>();
  /** Sensor id → small integer, the point tables' key. */
  readonly #sensorIds = new Map<string, number>();
  #points = 0;
  #watermark = -Infinity;

  constructor(options: AccumulatorOptions) {
    this.bucketMs = Math.max(1, Math.floor(options.windowMs / BUCKETS_PER_WINDOW));
    this.#threshold = options.threshold;
    this.#dedupHorizonMs = options.dedupHorizonMs ?? DEFAULT_DEDUP_HORIZON_MS;
    this.#dedupPoints = options.dedupPoints ?? DEFAULT_DEDUP_POINTS;
    for (const quantity of options.quantities)
      this.#quantities.set(quantity, { buckets: new Map(), slices: new Map(), last: undefined });
  }

  /** Newest event time seen, epoch ms; -Infinity before any reading. */
  get watermark(): number {
    return this.#watermark;
  }

  /** Points remembered for deduplication. */
  get dedupPoints(): number {
    return this.#points;
  }

  /** First bucket start inside the window ending at the watermark. */
  windowStart(): number {
    const newest = Math.floor(this.#watermark / this.bucketMs) * this.bucketMs;
    return newest - (BUCKETS_PER_WINDOW - 1) * this.bucketMs;
  }

  /** Applies a reading; returns false when it does not concern this KPI or is older than the window. */
  add(reading: Reading): boolean {
    const state = this.#quantities.get(reading.quantity);
    if (state === undefined) return false;
    const ts = reading.ts;
    if (ts > this.#watermark) this.#advance(ts);
    const start = Math.floor(ts / this.bucketMs) * this.bucketMs;
    if (start < this.windowStart()) return false;
    let bucket = state.buckets.get(start);
    if (bucket === undefined) {
      bucket = { ...emptyTotals(), dedup: true };
      state.buckets.set(start, bucket);
    }
    const slice = bucket.dedup ? this.#slice(state, start, ts) : null;
    this.#apply(bucket, slice, this.#sensorId(reading.sensorId), ts, reading.value);
    return true;
  }

  #apply(bucket: Totals, slice: Slice | null, sensor: number, ts: number, value: number): void {
    const at = slice === null ? -1 : slice.points.find(sensor, ts);
    if (at >= 0) {
      const previous = slice!.points.valueAt(at);
      bucket.sum += value - previous;
      bucket.above += this.#isAbove(value) - this.#isAbove(previous);
      slice!.points.setValueAt(at, value);
    } else {
      bucket.count += 1;
      bucket.sum += value;
      bucket.above += this.#isAbove(value);
      if (slice !== null) {
        slice.points.insert(sensor, ts, value);
        this.#points += 1;
        if (this.#points > this.#dedupPoints) this.#shed();
      }
    }
    // min/max are not reversible; a replaced value can only widen them, which errs toward the range seen.
    bucket.min = Math.min(bucket.min, value);
    bucket.max = Math.max(bucket.max, value);
  }

  /** The slice that remembers point `ts` of the bucket at `bucketStart`. */
  #slice(state: QuantityState, bucketStart: number, ts: number): Slice {
    const last = state.last;
    if (last !== undefined && ts >= last.start && ts < last.end) return last;
    const offset = Math.floor((ts - bucketStart) / SLICE_MS) * SLICE_MS;
    const start = bucketStart + offset;
    let slice = state.slices.get(start);
    if (slice === undefined) {
      const end = Math.min(start + SLICE_MS, bucketStart + this.bucketMs);
      slice = { start, end, bucketStart, points: new PointTable() };
      state.slices.set(start, slice);
    }
    state.last = slice;
    return slice;
  }

  #sensorId(sensorId: string): number {
    let id = this.#sensorIds.get(sensorId);
    if (id === undefined) {
      id = this.#sensorIds.size;
      this.#sensorIds.set(sensorId, id);
    }
    return id;
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
    for (const state of this.#quantities.values()) {
      for (const [start, bucket] of state.buckets) {
        if (start < windowStart) state.buckets.delete(start);
        else if (bucket.dedup && start + this.bucketMs < dedupStart) bucket.dedup = false;
      }
      for (const slice of state.slices.values()) {
        const bucket = state.buckets.get(slice.bucketStart);
        if (bucket === undefined || !bucket.dedup) this.#forget(state, slice);
      }
    }
  }

  /** Forgets the oldest slices until the points fit the budget again. */
  #shed(): void {
    while (this.#points > this.#dedupPoints) {
      let oldest: [QuantityState, Slice] | undefined;
      for (const state of this.#quantities.values()) {
        for (const slice of state.slices.values()) {
          if (oldest === undefined || slice.start < oldest[1].start) oldest = [state, slice];
        }
      }
      if (oldest === undefined) return;
      this.#forget(...oldest);
    }
  }

  #forget(state: QuantityState, slice: Slice): void {
    state.slices.delete(slice.start);
    this.#points -= slice.points.size;
    if (state.last === slice) state.last = undefined;
  }

  /** Totals of one quantity over the current window. */
  totals(quantity: QuantityId): Totals {
    const result = emptyTotals();
    const windowStart = this.windowStart();
    for (const [start, bucket] of this.#quantities.get(quantity)?.buckets ?? []) {
      if (start >= windowStart) mergeInto(result, bucket);
    }
    return result;
  }
}
