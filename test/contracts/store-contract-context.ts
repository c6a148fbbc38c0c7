import type { Clock, Store } from '@ssc-monitor/core';

/** A started store under test and how to dispose of it. */
export interface StoreFixture {
  readonly store: Store;
  /** Where the data lives (directory, bucket…); passing it to the build function again reopens it. */
  readonly location: string;
  /** Closes the store if still open and deletes the data at `location`; safe to call after `store.close()`. */
  teardown(): Promise<void>;
}

/** Store settings a contract case may ask for; every store must honour them. */
export interface StoreBuildOptions {
  /** Raw retention, ms (see `RollupOptions.rawRetentionMs`). */
  readonly rawRetentionMs?: number;
  /** Clock of the retention. */
  readonly clock?: Clock;
}

/** What the groups of cases share; getters, because every test gets a new store. */
export interface ContractContext {
  readonly store: Store;
  readonly fixtures: readonly StoreFixture[];
  open(location?: string, options?: StoreBuildOptions): Promise<StoreFixture>;
}
