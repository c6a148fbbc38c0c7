/**
 * The InfluxDB store, the production backend behind the Store port. The composition root builds
 * `new InfluxStore({ url, token, username, password, org, bucket, versionOverride, spoolDir,
 * logger })` from its INFLUX_* settings, calls `start()`, and `close()` at shutdown after intake
 * has stopped.
 */
export { DiskSpool, type SpoolEntry } from '../../../spool/disk-spool.js';
export {
  DEFAULT_INFLUX_STORE_OPTIONS,
  resolveInfluxStoreOptions,
  type InfluxStoreOptions,
  type ResolvedInfluxStoreOptions,
} from './influx-config.js';
export { InfluxStore } from './influx-store.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
export { parseServerVersion, usesV2WriteApi, type ServerVersion } from './server-version.js';
