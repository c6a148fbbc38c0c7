import type {
  AggregateQuery,
  AggregateRow,
  LatestRow,
  ReadingFilter,
  Store,
  StoredReading,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { Lifecycle } from '../lifecycle.js';
import { resolutionOf } from '../rollup-plan.js';
import { StoreError, toStoreError } from '../store-error.js';
import { DiskSpool } from '../../../spool/disk-spool.js';
import {
  resolveInfluxStoreOptions,
  type InfluxStoreOptions,
  type ResolvedInfluxStoreOptions,
} from './influx-config.js';
import { InfluxHttp } from './influx-http.js';
import { InfluxMaintenance } from './influx-maintenance.js';
import { toAggregateRows, toLatestRows, toReadings } from './influx-rows.js';
import { InfluxWriter } from './influx-writer.js';
import { aggregateStatement, latestStatement, matchesNothing, readingsStatement } from './influxql.js';
import { toLineProtocol } from './line-protocol.js';
import type { QuerySeries } from './query-results.js';
import { refusedLetters } from './refused-lines.js';
import { isUnavailable } from './retry-policy.js';
import { SpoolForwarder } from './spool-forwarder.js';

/**
 * The time-series store on InfluxDB: measurement `readings`, tags `sensor`, `quantity`, `district`,
 * float field `value`, ms timestamps. A point is (measurement, tag set, time), so a rewrite of a
 * reading replaces it, as the port requires, as long as its district is unchanged.
 *
 * `write()` first appends the batch to a disk spool (fsynced), then waits for the forwarder to have
 * InfluxDB acknowledge it, so that a read after a write sees it. When InfluxDB is unreachable the
 * write resolves as soon as the batch is durable in the spool, and the forwarder delivers it, in
 * order, once the server answers again; reads do not see those readings until then.
 *
 * Hourly and daily roll-ups are points of `readings` too, tagged `resolution=1h|1d` (see
 * `InfluxRollups`); the hours a write touches are journalled beside the spool and rolled up by a
 * maintenance step shortly after.
 */
export class InfluxStore implements Store {
  readonly #options: ResolvedInfluxStoreOptions;
  readonly #logger: Logger;
  readonly #http: InfluxHttp;
  readonly #spool: DiskSpool;
  readonly #forwarder: SpoolForwarder;
  readonly #lifecycle = new Lifecycle('influx store');
  readonly #pending = new Set<Promise<unknown>>();
  readonly #writer: InfluxWriter;
  readonly #maintenance: InfluxMaintenance;

  constructor(options: InfluxStoreOptions) {
    this.#options = resolveInfluxStoreOptions(options);
    this.#logger = options.logger;
    this.#http = new InfluxHttp({ ...this.#options });
    this.#writer = new InfluxWriter(this.#http, this.#options);
    this.#spool = new DiskSpool(this.#options.spoolDir);
    this.#forwarder = new SpoolForwarder({
      spool: this.#spool,
      send: (body, signal) => this.#writer.send(body, signal),
      retry: this.#options.retry,
      logger: this.#logger,
      onRefused: async (lines) => {
        const letters = refusedLetters(lines, `influxdb/${this.#options.bucket}`, Date.now());
        await this.#options.deadLetters?.add(letters);
      },
    });
    this.#maintenance = new InfluxMaintenance({
      http: this.#http,
      writer: this.#writer,
      spool: this.#spool,
      forwarder: this.#forwarder,
      options: this.#options,
      logger: this.#logger,
    });
  }

  /** Readings spooled and not yet acknowledged by InfluxDB. */
  pending(): number {
    return this.#spool.pending();
  }

  /** Readings InfluxDB refused as data (e.g. 400 bad line), dead-lettered and skipped. */
  rejected(): number {
    return this.#forwarder.rejected;
  }

  /** Why the last forwarding attempt failed; undefined once InfluxDB acknowledges again. */
  get lastError(): Error | undefined {
    return this.#forwarder.lastError;
  }

  /**
   * Opens the spool and checks the server. An unreachable server is no reason to fail (writes are
   * spooled); bad credentials or an unusable answer are. Batches a previous run left in the spool
   * go first, and start waits for them (up to drainTimeoutMs) so that reads see them.
   */
  start(): Promise<void> {
    return this.#lifecycle.start(async () => {
      await this.#spool
        .open()
        .then(() => this.#maintenance.open())
        .catch((error: unknown) => {
          throw toStoreError('STORE_ERR_OPEN', `cannot open the spool in ${this.#options.spoolDir}`, error);
        });
      const connected = await this.#connectAtStart();
      const leftover = this.#spool.pending();
      this.#forwarder.start(connected);
      if (leftover > 0) {
        this.#logger.info({ pending: leftover }, 'forwarding readings spooled by a previous run');
        if (connected) await this.#forwarder.drain(this.#options.drainTimeoutMs);
      }
      this.#maintenance.start();
    });
  }

  write(readings: readonly StoredReading[]): Promise<void> {
    return this.#track(async () => {
      if (readings.length === 0) return;
      const { batchSize, ackTimeoutMs } = this.#options;
      const bodies: [string, number][] = [];
      // Serialise every part first, so that an invalid reading spools nothing of the write.
      for (let start = 0; start < readings.length; start += batchSize) {
        const end = Math.min(readings.length, start + batchSize);
        bodies.push([toLineProtocol(readings, start, end), end - start]);
      }
      const hours = await this.#maintenance.reserve(readings).catch((error: unknown) => {
        throw toStoreError('STORE_ERR_WRITE', 'cannot journal the hours to roll up', error);
      });
      const entries = await Promise.all(bodies.map(([body, count]) => this.#spool.append(body, count))).catch(
        (error: unknown) => {
          this.#maintenance.failed(hours);
          throw toStoreError('STORE_ERR_WRITE', 'cannot append to the spool', error);
        },
      );
      this.#maintenance.spooled(hours, entries);
      this.#forwarder.notify();
      await Promise.all(entries.map((entry) => this.#forwarder.settled(entry, ackTimeoutMs)));
    });
  }

  /** Rolls up every hour written so far and applies the raw retention (1.x). */
  maintain(): Promise<void> {
    return this.#track(() => this.#maintenance.runNow());
  }

  aggregate(query: AggregateQuery): Promise<AggregateRow[]> {
    return this.#track(async () => {
      const statement = aggregateStatement(query);
      if (matchesNothing(query)) return [];
      const resolution = resolutionOf(query);
      if (resolution !== 'raw' && this.#maintenance.ready) {
        return this.#maintenance.aggregate(query, resolution, (q) => this.#query(q));
      }
      const threshold = query.threshold;
      const [series, aboveSeries] = await Promise.all([
        this.#query(statement),
        threshold === undefined ? undefined : this.#query(aggregateStatement(query, threshold)),
      ]);
      return toAggregateRows(series, aboveSeries, query);
    });
  }

  readings(filter: ReadingFilter): Promise<StoredReading[]> {
    return this.#track(async () => {
      if (matchesNothing(filter)) return [];
      return toReadings(await this.#query(readingsStatement(filter)), filter);
    });
  }

  latest(filter?: { readonly sensorIds?: readonly string[] }): Promise<LatestRow[]> {
    return this.#track(async () => {
      if (filter?.sensorIds?.length === 0) return [];
      return toLatestRows(await this.#query(latestStatement(filter?.sensorIds)));
    });
  }

  /** InfluxDB's `/ping`; false when it does not answer, whatever the spool holds. */
  async ping(): Promise<boolean> {
    if (!this.#lifecycle.isOpen) return false;
    try {
      await this.#http.ping();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Waits for accepted calls, forwards what is spooled for up to drainTimeoutMs, then stops; what
   * is left stays on disk for the next start. Idempotent.
   */
  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      await this.#maintenance.stop();
      await Promise.allSettled(this.#pending);
      const drained = await this.#forwarder.drain(this.#options.drainTimeoutMs);
      await this.#forwarder.stop();
      if (!drained) {
        this.#logger.warn(
          { pending: this.#spool.pending(), err: this.#forwarder.lastError },
          'InfluxDB did not take the whole spool before close; the rest is kept for the next start',
        );
      }
    });
  }

  async #connectAtStart(): Promise<boolean> {
    try {
      await this.#writer.connect();
      return true;
    } catch (error) {
      if (error instanceof StoreError || !isUnavailable(error)) {
        throw toStoreError('STORE_ERR_OPEN', `cannot use InfluxDB at ${this.#origin()}`, error);
      }
      this.#logger.warn(
        { err: error, url: this.#origin() },
        'InfluxDB unreachable at start; writes are spooled until it answers',
      );
      return false;
    }
  }

  async #query(statement: string): Promise<QuerySeries[]> {
    try {
      return await this.#http.query(statement);
    } catch (error) {
      throw toStoreError('STORE_ERR_QUERY', 'InfluxQL query failed', error);
    }
  }

  #origin(): string {
    try {
      return new URL(this.#options.url).origin;
    } catch {
      return '(invalid url)';
    }
  }

  #track<T>(operation: () => Promise<T>): Promise<T> {
    const closed = this.#lifecycle.closedError();
    if (closed !== undefined) return Promise.reject(closed);
    const running = operation();
    this.#pending.add(running);
    void running.finally(() => this.#pending.delete(running)).catch(() => undefined);
    return running;
  }
}
