import type { StoredReading } from '../readings/reading.js';
import type { QuantityId } from '../vocabulary/quantities.js';

/** Filter shared by store queries. All bounds are epoch milliseconds, `from` inclusive, `to` exclusive. */
export interface ReadingFilter {
  readonly quantity: QuantityId;
  readonly from: number;
  readonly to: number;
  /** Only these sensors; all sensors when absent. */
  readonly sensorIds?: readonly string[];
  /** Only sensors of these districts; all districts when absent. */
  readonly districts?: readonly string[];
}

export interface AggregateQuery extends ReadingFilter {
  /** Bucket width in milliseconds; buckets are aligned to the Unix epoch (UTC). */
  readonly every: number;
  /**
   * 'sensor' returns one row per sensor and bucket; 'none' merges all sensors per bucket. Stores
   * with roll-ups answer 'none' without `sensorIds` from city or district roll-ups (sensors merged
   * per hour or day), so a city series reads one or a few rows per bucket, not one per sensor.
   */
  readonly groupBy: 'sensor' | 'none';
  /** When given, each row also counts the readings strictly above it (`above`). */
  readonly threshold?: number;
}

/**
 * One bucket of readings. count, sum, min and max are kept (not the mean) so that buckets merge
 * exactly: the mean of merged buckets is Σsum / Σcount.
 */
export interface AggregateRow {
  /** Bucket start, epoch ms. */
  readonly bucket: number;
  /** Present when grouped by sensor. */
  readonly sensorId?: string;
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** Readings strictly above the query's threshold; present only when a threshold was given. */
  readonly above?: number;
}

export interface LatestRow {
  readonly sensorId: string;
  readonly district: string;
  readonly quantity: QuantityId;
  readonly value: number;
  readonly ts: number;
}

/**
 * The time-series store port. Implemented by the embedded DuckDB store and the InfluxDB store; both
 * pass the same contract tests. Points are identified by (sensorId, quantity, ts): writing the same
 * point again replaces it, never duplicates it.
 */
export interface Store {
  /** Opens files or connections; no I/O happens before this. */
  start(): Promise<void>;
  /** Durably writes a batch; resolves once the batch is stored. */
  write(readings: readonly StoredReading[]): Promise<void>;
  aggregate(query: AggregateQuery): Promise<AggregateRow[]>;
  /** Raw readings in time order (for exports and batch recomputation). */
  readings(filter: ReadingFilter): Promise<StoredReading[]>;
  /** The latest reading per sensor and quantity. */
  latest(filter?: { readonly sensorIds?: readonly string[] }): Promise<LatestRow[]>;
  /**
   * Brings hourly and daily roll-ups up to date with everything written before the call and
   * applies the raw retention; resolves once done. Stores with roll-ups also do this on their own,
   * in batches after writes, and their aggregates include readings not rolled up yet; this is for
   * tests and tools (e.g. after a bulk import). Stores without roll-ups leave it out.
   */
  maintain?(): Promise<void>;
  /** A cheap liveness check used by /api/health. */
  ping(): Promise<boolean>;
  /** Flushes anything buffered and releases resources. */
  close(): Promise<void>;
}
