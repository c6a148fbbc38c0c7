import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from 'pino';
import { StoreError, toStoreError, type StoreErrorCode } from './store-error.js';

/** File name of the database inside the data directory. */
export const DUCKDB_FILE_NAME = 'ssc.duckdb';

/** `dataDir` value for a database that lives in this process only (tests, demos). */
export const IN_MEMORY = ':memory:';

export interface DuckDbDatabaseOptions {
  /** Directory holding {@link DUCKDB_FILE_NAME}, created when missing, or {@link IN_MEMORY}. */
  readonly dataDir: string;
  /** Used as given; the caller names the module (`logger.child({ module: 'store' })`). */
  readonly logger?: Logger;
  /**
   * DuckDB settings applied at open, e.g. `{ memory_limit: '1GB', threads: '2' }`.
   * @defaultValue `{}` (DuckDB's own defaults: 80 % of RAM, one thread per core)
   */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Work run on one connection; it must not keep the connection past its promise. */
export type DuckDbWork<T> = (connection: DuckDBConnection) => Promise<T>;

interface Lane {
  readonly connection: DuckDBConnection;
  /** Settles when the last queued work settles; never rejects. */
  tail: Promise<unknown>;
}

interface OpenDatabase {
  readonly instance: DuckDBInstance;
  readonly writer: Lane;
  readonly reader: Lane;
}

/**
 * One DuckDB database file shared by the embedded store and the dead-letter log.
 *
 * Work is queued on two lanes, each with its own connection: writes run one at a time so that the
 * staging table and explicit transactions never interleave, and reads run one at a time on a second
 * connection, so a long dashboard query never delays ingestion (DuckDB's MVCC gives reads a
 * consistent snapshot of committed data).
 *
 * Shared by reference count: every `start()` must be paired with one `close()`, and the file is
 * checkpointed and closed when the last user closes.
 */
export class DuckDbDatabase {
  readonly #options: DuckDbDatabaseOptions;
  readonly #log: Logger | undefined;
  #users = 0;
  #opening: Promise<OpenDatabase> | undefined;
  #open: OpenDatabase | undefined;
  #closing: Promise<void> = Promise.resolve();

  constructor(options: DuckDbDatabaseOptions) {
    this.#options = options;
    this.#log = options.logger;
  }

  /** The database file, or {@link IN_MEMORY}. */
  get path(): string {
    const { dataDir } = this.#options;
    return dataDir === IN_MEMORY ? IN_MEMORY : join(dataDir, DUCKDB_FILE_NAME);
  }

  get isOpen(): boolean {
    return this.#open !== undefined;
  }

  /** Opens the file on the first call; later calls share it. Rejects with STORE_ERR_OPEN. */
  async start(): Promise<void> {
    this.#users += 1;
    try {
      this.#opening ??= this.#connect();
      this.#open = await this.#opening;
    } catch (error) {
      this.#users -= 1;
      this.#opening = undefined;
      throw error;
    }
  }

  /** Releases one `start()`; the last one waits for queued work, checkpoints and closes the file. */
  async close(): Promise<void> {
    if (this.#users === 0) return;
    this.#users -= 1;
    if (this.#users > 0) return;
    const opening = this.#opening;
    this.#opening = undefined;
    this.#open = undefined;
    // Set synchronously, so that a start() racing this close waits for the file to be released.
    const shutdown = (async () => {
      const open = await opening?.catch(() => undefined);
      if (open !== undefined) await this.#shutdown(open);
    })();
    this.#closing = shutdown.catch(() => undefined);
    await shutdown;
  }

  /**
   * `start()`, then runs `statements` (schema, temporary tables) on the writing connection; releases
   * the database again when they fail.
   */
  async startWith(statements: readonly string[]): Promise<void> {
    await this.start();
    try {
      await this.write(async (connection) => {
        for (const sql of statements) await connection.run(sql);
      });
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Runs `work` after all earlier writes; failures reject with STORE_ERR_WRITE. */
  write<T>(work: DuckDbWork<T>): Promise<T> {
    return this.#enqueue('writer', work, 'STORE_ERR_WRITE');
  }

  /** Runs `work` after all earlier reads; failures reject with STORE_ERR_QUERY. */
  read<T>(work: DuckDbWork<T>): Promise<T> {
    return this.#enqueue('reader', work, 'STORE_ERR_QUERY');
  }

  #enqueue<T>(laneName: 'writer' | 'reader', work: DuckDbWork<T>, code: StoreErrorCode): Promise<T> {
    const open = this.#open;
    if (open === undefined) {
      return Promise.reject(new StoreError('STORE_ERR_CLOSED', `database ${this.path} is not open`));
    }
    const lane = open[laneName];
    const run = lane.tail
      .then(() => work(lane.connection))
      .catch((error: unknown) => {
        throw toStoreError(code, `${laneName === 'writer' ? 'write' : 'query'} failed`, error);
      });
    lane.tail = run.catch(() => undefined);
    return run;
  }

  async #connect(): Promise<OpenDatabase> {
    // A file still being closed by an earlier shutdown would refuse a second instance.
    await this.#closing;
    const path = this.path;
    let instance: DuckDBInstance | undefined;
    try {
      if (path !== IN_MEMORY) await mkdir(this.#options.dataDir, { recursive: true });
      instance = await DuckDBInstance.create(path, { ...this.#options.settings });
      const writer = await instance.connect();
      const reader = await instance.connect();
      this.#log?.info({ path }, 'database opened');
      return {
        instance,
        writer: { connection: writer, tail: Promise.resolve() },
        reader: { connection: reader, tail: Promise.resolve() },
      };
    } catch (error) {
      instance?.closeSync();
      throw toStoreError('STORE_ERR_OPEN', `cannot open database ${path}`, error);
    }
  }

  async #shutdown(open: OpenDatabase): Promise<void> {
    await Promise.all([open.writer.tail, open.reader.tail]);
    if (this.path !== IN_MEMORY) {
      try {
        await open.writer.connection.run('CHECKPOINT');
      } catch (error) {
        this.#log?.warn(
          { err: error },
          'checkpoint before close failed; the write-ahead log replays at next open',
        );
      }
    }
    open.reader.connection.closeSync();
    open.writer.connection.closeSync();
    open.instance.closeSync();
    this.#log?.info({ path: this.path }, 'database closed');
  }
}
