/** Smallest latency told apart, ms (1 µs); anything below counts in the first bucket. */
const MIN_MS = 0.001;
/** Bucket width as a ratio: quantiles are exact to ±1 %. */
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Up to ~1,000 s: 1e9 µs. */
const BUCKETS = Math.ceil(Math.log(1e9) / LOG_GROWTH) + 1;

/**
 * Latencies in log-spaced buckets (±1 %): constant memory whatever the number of samples, so a load
 * run of hours at tens of thousands of messages per second reports exact-enough p50/p99.
 */
export class LatencyHistogram {
  readonly #counts = new Uint32Array(BUCKETS);
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    const index = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** The latency below which a share `q` (0…1) of the samples fall; undefined without samples. */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i += 1) {
      seen += this.#counts[i] ?? 0;
      // The bucket's geometric middle, capped by the largest sample actually seen.
      if (seen >= rank) return Math.min(this.max, MIN_MS * GROWTH ** (i + 0.5));
    }
    return this.max;
  }

  /** Adds another histogram's samples to this one. */
  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i += 1) this.#counts[i] = (this.#counts[i] ?? 0) + (other.#counts[i] ?? 0);
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
  }

  reset(): void {
    this.#counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  summary(): LatencySummary | undefined {
    if (this.count === 0) return undefined;
    // Microseconds are plenty for publish latencies, and keep reports readable.
    const us = (ms: number) => Math.round(ms * 1000) / 1000;
    return {
      p50: us(this.quantile(0.5) ?? 0),
      p99: us(this.quantile(0.99) ?? 0),
      max: us(this.max),
      mean: us(this.sum / this.count),
    };
  }
}

/** Publish latencies, ms. */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}
