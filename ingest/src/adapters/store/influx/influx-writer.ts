import { HttpError } from '@influxdata/influxdb-client';
import type { Logger } from 'pino';
import { StoreError } from '../store-error.js';
import type { InfluxHttp } from './influx-http.js';
import { createDatabaseStatement } from './influxql.js';
import { parseServerVersion, type ServerVersion } from './server-version.js';

export interface InfluxWriterOptions {
  readonly bucket: string;
  readonly versionOverride?: string;
  readonly logger: Logger;
}

/**
 * What the store must know before it can write: the server's version (which picks the write
 * endpoint) and a database to write to. Prepared once per connection: a failed preparation, or a
 * write answered 404 (database dropped, server data reset), makes the next attempt prepare again.
 */
export class InfluxWriter {
  readonly #http: InfluxHttp;
  readonly #options: InfluxWriterOptions;
  #ready: Promise<ServerVersion> | undefined;

  constructor(http: InfluxHttp, options: InfluxWriterOptions) {
    this.#http = http;
    this.#options = options;
  }

  connect(): Promise<ServerVersion> {
    this.#ready ??= this.#prepare().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  /** Sends one batch of line protocol; rejects with the client's HttpError or a network error. */
  async send(body: string, signal: AbortSignal): Promise<void> {
    const version = await this.connect();
    try {
      await this.#http.write(body, version, signal);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 404) this.#ready = undefined;
      throw error;
    }
  }

  /** Pings (the answer names the version), and creates the database on 1.x where allowed. */
  async #prepare(): Promise<ServerVersion> {
    const header = await this.#http.ping();
    const version = parseServerVersion(this.#options.versionOverride ?? header);
    if (version === undefined) {
      throw new StoreError(
        'STORE_ERR_OPEN',
        `InfluxDB sent no usable X-Influxdb-Version (${header ?? 'none'}); set the version override`,
      );
    }
    // 2.x and 3.x buckets need an org id and rights the writer rarely has; they must exist.
    if (version.major === 1) await this.#createDatabase();
    this.#options.logger.info(
      { version: version.text, bucket: this.#options.bucket },
      'InfluxDB store connected',
    );
    return version;
  }

  async #createDatabase(): Promise<void> {
    try {
      await this.#http.query(createDatabaseStatement(this.#options.bucket));
    } catch (error) {
      // A user without admin rights may still write to a database an admin created.
      const denied = error instanceof HttpError && (error.statusCode === 401 || error.statusCode === 403);
      if (!denied) throw error;
      this.#options.logger.warn(
        { bucket: this.#options.bucket },
        'not allowed to create the database; assuming it exists',
      );
    }
  }
}
