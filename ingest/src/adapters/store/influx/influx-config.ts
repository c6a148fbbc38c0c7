import type { DeadLetterLog } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { resolveRollupOptions, type ResolvedRollupOptions, type RollupOptions } from '../rollup-options.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

/**
 * How the composition root configures the InfluxDB store (from INFLUX_* variables; the store reads
 * no environment itself). The raw retention deletes points on InfluxDB 1.x only; on 2.x and 3.x
 * roll-ups are kept and used all the same, and raw readings are kept for good.
 */
export interface InfluxStoreOptions extends RollupOptions {
  /** Base URL of the server, e.g. `http://influxdb:8086`. */
  readonly url: string;
  /** API token (2.x, 3.x, or 1.8 with `user:password`); sent as `Authorization: Token …`. */
  readonly token?: string;
  /** 1.x user, when the server has auth enabled and no token is given. */
  readonly username?: string;
  readonly password?: string;
  /** Organisation for `/api/v2/write` (2.x); 1.8 and 3.x ignore it. @defaultValue '' */
  readonly org?: string;
  /** Bucket (2.x, 3.x) or database (1.x); also the database name of InfluxQL reads. */
  readonly bucket: string;
  /**
   * Server version to assume instead of asking `/ping`, e.g. `1.6` or `2.7`; needed when a proxy or
   * a cloud service sends no `X-Influxdb-Version`.
   */
  readonly versionOverride?: string;
  /** Folder of the disk spool; batches wait there until InfluxDB has acknowledged them. */
  readonly spoolDir: string;
  /** Readings per request (and per spool segment). @defaultValue 5000 */
  readonly batchSize?: number;
  /** HTTP socket timeout, ms. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /**
   * Longest time `write()` waits for InfluxDB's acknowledgement while it is reachable, ms; after
   * that the write resolves anyway, as it is durable in the spool. @defaultValue 10000
   */
  readonly ackTimeoutMs?: number;
  /** Longest time `close()` spends forwarding what is spooled, ms; the rest stays on disk. @defaultValue 5000 */
  readonly drainTimeoutMs?: number;
  /** Backoff while InfluxDB is unreachable. @defaultValue DEFAULT_RETRY_POLICY */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Where readings InfluxDB refuses as data (4xx on their line) are recorded, code
   * INGEST_ERR_STORE_REFUSED; without it they are only logged and counted.
   */
  readonly deadLetters?: DeadLetterLog;
  readonly logger: Logger;
}

type Tunables = 'batchSize' | 'timeoutMs' | 'ackTimeoutMs' | 'drainTimeoutMs';

export const DEFAULT_INFLUX_STORE_OPTIONS: Readonly<Required<Pick<InfluxStoreOptions, Tunables>>> & {
  readonly org: string;
  readonly retry: RetryPolicy;
} = Object.freeze({
  org: '',
  batchSize: 5000,
  timeoutMs: 10_000,
  ackTimeoutMs: 10_000,
  drainTimeoutMs: 5000,
  retry: DEFAULT_RETRY_POLICY,
});

/** Options with every default applied. */
export type ResolvedInfluxStoreOptions = Omit<
  InfluxStoreOptions,
  Tunables | 'org' | 'retry' | keyof RollupOptions
> &
  typeof DEFAULT_INFLUX_STORE_OPTIONS &
  ResolvedRollupOptions;

export function resolveInfluxStoreOptions(options: InfluxStoreOptions): ResolvedInfluxStoreOptions {
  const defaults = DEFAULT_INFLUX_STORE_OPTIONS;
  return {
    ...options,
    org: options.org ?? defaults.org,
    batchSize: Math.max(1, Math.floor(options.batchSize ?? defaults.batchSize)),
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    ackTimeoutMs: options.ackTimeoutMs ?? defaults.ackTimeoutMs,
    drainTimeoutMs: options.drainTimeoutMs ?? defaults.drainTimeoutMs,
    retry: { ...defaults.retry, ...options.retry },
    ...resolveRollupOptions(options),
  };
}
