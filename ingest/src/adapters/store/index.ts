/**
 * The embedded storage: the time-series store and the dead-letter log on one DuckDB file,
 * `<dataDir>/ssc.duckdb`. The composition root calls `createEmbeddedStorage({ dataDir, logger })`,
 * then `start()`; at shutdown it closes the store (which waits for accepted writes) and then the
 * whole storage, which checkpoints and closes the file.
 */
export {
  DUCKDB_FILE_NAME,
  DuckDbDatabase,
  IN_MEMORY,
  type DuckDbDatabaseOptions,
} from './duckdb-database.js';
export { EmbeddedDeadLetterLog } from './embedded-dead-letter-log.js';
export { EmbeddedStore, type EmbeddedStoreOptions } from './embedded-store.js';
export {
  createEmbeddedStorage,
  type EmbeddedStorage,
  type EmbeddedStorageOptions,
} from './embedded-storage.js';
export {
  DEFAULT_ROLLUP_OPTIONS,
  resolveRollupOptions,
  type ResolvedRollupOptions,
  type RollupOptions,
} from './rollup-options.js';
export { STORE_ERROR_CODES, StoreError, type StoreErrorCode } from './store-error.js';
