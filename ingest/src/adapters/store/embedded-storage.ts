import type { Logger } from 'pino';
import { DuckDbDatabase } from './duckdb-database.js';
import { EmbeddedDeadLetterLog } from './embedded-dead-letter-log.js';
import { EmbeddedStore } from './embedded-store.js';
import type { RollupOptions } from './rollup-options.js';

/** Roll-up settings (raw retention, maintenance delay) go to the store. */
export interface EmbeddedStorageOptions extends RollupOptions {
  /** Directory holding the database file, created when missing, or `':memory:'`. */
  readonly dataDir: string;
  readonly logger?: Logger;
  /** DuckDB settings, e.g. `{ memory_limit: '1GB' }`. @defaultValue `{}` */
  readonly settings?: Readonly<Record<string, string>>;
}

/** The embedded store and dead-letter log sharing one database file. */
export interface EmbeddedStorage {
  readonly database: DuckDbDatabase;
  readonly store: EmbeddedStore;
  readonly deadLetters: EmbeddedDeadLetterLog;
  /** Opens the database and creates missing tables. Rejects with a StoreError (STORE_ERR_OPEN). */
  start(): Promise<void>;
  /** Closes both; the database is checkpointed and closed once both have finished their queued work. */
  close(): Promise<void>;
}

/**
 * Wires the embedded storage without touching the disk; call `start()` to open it. The store and
 * the log may also be closed one by one (the store first, at shutdown, to flush it): the file stays
 * open until the second of them closes.
 */
export function createEmbeddedStorage(options: EmbeddedStorageOptions): EmbeddedStorage {
  const database = new DuckDbDatabase(options);
  const store = new EmbeddedStore(database, options);
  const deadLetters = new EmbeddedDeadLetterLog(database);
  return {
    database,
    store,
    deadLetters,
    async start() {
      await store.start();
      try {
        await deadLetters.start();
      } catch (error) {
        await store.close();
        throw error;
      }
    },
    async close() {
      const results = await Promise.allSettled([store.close(), deadLetters.close()]);
      const failed = results.find((result) => result.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    },
  };
}
