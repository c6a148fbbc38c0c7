import { SYSTEM_CLOCK, type Clock } from '@ssc-monitor/core';
import { DAY_MS, floorTo } from './rollup-plan.js';
import { StoreError } from './store-error.js';

/** Roll-up and retention settings shared by both stores. */
export interface RollupOptions {
  /**
   * How long raw readings are kept, ms. Maintenance deletes older ones, whole UTC days at a time and
   * only once their hours and days are rolled up; hourly and daily roll-ups are kept for good.
   * Aggregates over whole hours stay exact past it; raw reads (`readings()`), threshold counts and
   * the partial hours at the ends of a query do not reach beyond it.
   * @defaultValue Infinity (raw readings are kept for good)
   */
  readonly rawRetentionMs?: number;
  /**
   * How long after a write its hours are rolled up, ms. Writes only mark hours; one maintenance
   * step then recomputes every marked hour and day in a batch, off the write path.
   * @defaultValue 10000
   */
  readonly maintenanceDelayMs?: number;
  /** Time source of the retention. @defaultValue SYSTEM_CLOCK */
  readonly clock?: Clock;
}

export type ResolvedRollupOptions = Required<RollupOptions>;

export const DEFAULT_ROLLUP_OPTIONS: Readonly<ResolvedRollupOptions> = Object.freeze({
  rawRetentionMs: Infinity,
  maintenanceDelayMs: 10_000,
  clock: SYSTEM_CLOCK,
});

/** Maintenance also runs this often without writes, so that raw readings age out on an idle store. */
export const MAINTENANCE_PERIOD_MS = 3_600_000;

/** Throws STORE_ERR_OPEN for a retention or delay that is not a positive number (delay: or zero). */
export function resolveRollupOptions(options: RollupOptions): ResolvedRollupOptions {
  const resolved = {
    rawRetentionMs: options.rawRetentionMs ?? DEFAULT_ROLLUP_OPTIONS.rawRetentionMs,
    maintenanceDelayMs: options.maintenanceDelayMs ?? DEFAULT_ROLLUP_OPTIONS.maintenanceDelayMs,
    clock: options.clock ?? DEFAULT_ROLLUP_OPTIONS.clock,
  };
  if (!(resolved.rawRetentionMs > 0)) {
    throw new StoreError('STORE_ERR_OPEN', `rawRetentionMs must be positive, got ${resolved.rawRetentionMs}`);
  }
  if (!(resolved.maintenanceDelayMs >= 0) || !Number.isFinite(resolved.maintenanceDelayMs)) {
    throw new StoreError(
      'STORE_ERR_OPEN',
      `maintenanceDelayMs must be a finite number >= 0, got ${resolved.maintenanceDelayMs}`,
    );
  }
  return resolved;
}

/**
 * Raw readings before this may be deleted: the start of the UTC day holding `now - retention`,
 * so whole days leave raw storage together. Undefined when raw readings are kept for good.
 */
export function retentionCutoff(options: ResolvedRollupOptions): number | undefined {
  if (!Number.isFinite(options.rawRetentionMs)) return undefined;
  return floorTo(Math.floor(options.clock.now() - options.rawRetentionMs), DAY_MS);
}
