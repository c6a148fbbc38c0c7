import {
  FeedError,
  MAX_ROW_ERRORS,
  PORTALS,
  SYSTEM_CLOCK,
  compileFeedMapping,
  isPortalFormat,
  mapFeedRows,
  newRowMappingContext,
  nextPortalPage,
  parseDurationMs,
  parseFileRows,
  parseJsonDocument,
  portalPageSize,
  recordRows,
  type Clock,
  type Feed,
  type FeedBatch,
  type FeedErrorCode,
  type FeedMapping,
  type PortalFormat,
  type RowError,
  type RowMappingContext,
  type Store,
  type StoredReading,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { HostRateLimiter } from './host-rate-limiter.js';
import { httpGetText } from './http-get.js';
import { storeNewReadings } from './store-new-readings.js';

export interface FeedRunnerDeps {
  readonly store: Store;
  /** District of a sensor from the plan (the unassigned district when the plan has none). */
  readonly districtOf: (sensorId: string) => string;
  readonly logger: Logger;
  /** @defaultValue SYSTEM_CLOCK */
  readonly clock?: Clock;
  /** Told about readings once stored, only those new or changed (KPI engine, sensor registry). */
  readonly onStored?: (readings: readonly StoredReading[]) => void;
}

export interface FeedRunnerOptions {
  /** Let feeds reach loopback, link-local and private addresses (tests, intranet portals). */
  readonly allowPrivateNetworks: boolean;
  /** Least time between the starts of two requests to one host, ms. */
  readonly minHostIntervalMs: number;
  /** Largest payload (one file or one page) after decompression, bytes. */
  readonly maxBytes: number;
  /** Pages read from a portal in one run before it stops (and marks the run truncated). */
  readonly maxPages: number;
  /** Readings per store write. */
  readonly writeBatchSize: number;
  readonly userAgent: string;
}

export const DEFAULT_FEED_RUNNER_OPTIONS: FeedRunnerOptions = {
  allowPrivateNetworks: false,
  minHostIntervalMs: 1_000,
  maxBytes: 64 * 1024 * 1024,
  maxPages: 1_000,
  writeBatchSize: 5_000,
  userAgent: 'ssc-monitor-feeds/0.1',
};

/** What one successful pull did. */
export interface FeedRunResult {
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly readingsMapped: number;
  /** New or changed readings written; 0 when the same rows are pulled again. */
  readonly readingsStored: number;
  readonly truncated: boolean;
  /** The first MAX_ROW_ERRORS row errors. */
  readonly errors: RowError[];
  readonly errorCounts: Partial<Record<FeedErrorCode, number>>;
}

type Tally = { -readonly [K in keyof FeedRunResult]: FeedRunResult[K] };

function addBatch(tally: Tally, batch: FeedBatch, stored: number): void {
  tally.rowsRead += batch.rowsRead;
  tally.rowsRejected += batch.rowsRejected;
  tally.readingsMapped += batch.readings.length;
  tally.readingsStored += stored;
  for (const error of batch.errors) if (tally.errors.length < MAX_ROW_ERRORS) tally.errors.push(error);
  for (const [code, count] of Object.entries(batch.errorCounts) as Array<[FeedErrorCode, number]>)
    tally.errorCounts[code] = (tally.errorCounts[code] ?? 0) + count;
}

/** What the schedulers need of a runner. */
export interface FeedPuller {
  run(feed: Feed): Promise<FeedRunResult>;
}

/**
 * Pulls one feed: fetch (with timeout, per-host spacing and the private-network guard), parse,
 * map, and store what is new. Throws FeedError when the pull fails as a whole; refused rows are
 * counted and sampled in the result, never thrown.
 */
export class FeedRunner implements FeedPuller {
  readonly #options: FeedRunnerOptions;
  readonly #limiter: HostRateLimiter;
  readonly #clock: Clock;

  constructor(
    private readonly deps: FeedRunnerDeps,
    options: Partial<FeedRunnerOptions> = {},
  ) {
    this.#options = { ...DEFAULT_FEED_RUNNER_OPTIONS, ...options };
    this.#clock = deps.clock ?? SYSTEM_CLOCK;
    this.#limiter = new HostRateLimiter(this.#options.minHostIntervalMs, () => this.#clock.now());
  }

  async run(feed: Feed): Promise<FeedRunResult> {
    const compiled = compileFeedMapping(feed);
    if (!compiled.ok)
      throw new FeedError(
        'FEED_ERR_INVALID_FEED',
        compiled.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      );
    const started = this.#clock.now();
    const context = newRowMappingContext(started);
    const tally: Tally = {
      rowsRead: 0,
      rowsRejected: 0,
      readingsMapped: 0,
      readingsStored: 0,
      truncated: false,
      errors: [],
      errorCounts: {},
    };
    if (isPortalFormat(feed.format))
      await this.#pullPortal(feed, feed.format, compiled.mapping, context, tally);
    else await this.#pullFile(feed, compiled.mapping, context, tally);
    this.#logRun(feed, tally, this.#clock.now() - started);
    return tally;
  }

  #get(feed: Feed, url: string): Promise<string> {
    const { allowPrivateNetworks, maxBytes, userAgent } = this.#options;
    const timeoutMs = parseDurationMs(feed.timeout) ?? 30_000;
    const accept =
      feed.format === 'csv' ? 'text/csv, text/plain;q=0.9, */*;q=0.1' : 'application/json, */*;q=0.1';
    return this.#limiter.schedule(new URL(url).host, () =>
      httpGetText(url, { timeoutMs, maxBytes, allowPrivateNetworks, userAgent, accept }),
    );
  }

  async #pullFile(feed: Feed, mapping: FeedMapping, context: RowMappingContext, tally: Tally): Promise<void> {
    const rows = parseFileRows(await this.#get(feed, feed.url), feed, mapping);
    if (!rows.ok) throw FeedError.from(rows.problem);
    const batch = mapFeedRows(rows, mapping, context);
    addBatch(tally, batch, await this.#store(batch));
  }

  async #pullPortal(
    feed: Feed,
    format: PortalFormat,
    mapping: FeedMapping,
    context: RowMappingContext,
    tally: Tally,
  ): Promise<void> {
    const adapter = PORTALS[format];
    let request = { offset: 0, limit: portalPageSize(adapter, feed.pageSize) };
    for (let pages = 0; pages < this.#options.maxPages; pages += 1) {
      const document = parseJsonDocument(
        await this.#get(feed, adapter.pageUrl(feed.url, request.offset, request.limit)),
      );
      if (!document.ok) throw FeedError.from(document.problem);
      const page = adapter.parsePage(document.json);
      if (!page.ok) throw FeedError.from(page.problem);
      const rows = recordRows(page.page.records, request.offset + 1);
      if (!rows.ok) throw FeedError.from(rows.problem);
      const batch = mapFeedRows(rows, mapping, context);
      addBatch(tally, batch, await this.#store(batch));
      const next = nextPortalPage(adapter, request.offset, request.limit, page.page);
      if (next.kind !== 'next') {
        tally.truncated = next.kind === 'capped';
        return;
      }
      request = { offset: next.offset, limit: next.limit };
    }
    tally.truncated = true;
  }

  async #store(batch: FeedBatch): Promise<number> {
    const { store, districtOf, onStored, logger } = this.deps;
    let stored: StoredReading[];
    try {
      stored = await storeNewReadings(store, batch.readings, districtOf, this.#options.writeBatchSize);
    } catch (error) {
      throw new FeedError('FEED_ERR_STORE', `storing the readings failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    try {
      if (stored.length > 0) onStored?.(stored);
    } catch (error) {
      // The readings are stored; a failing listener must not fail (and so retry) the pull.
      logger.error({ err: error }, 'a listener of stored feed readings failed');
    }
    return stored.length;
  }

  #logRun(feed: Feed, tally: Tally, ms: number): void {
    const { errors, errorCounts, ...counts } = tally;
    const log = this.deps.logger;
    if (tally.rowsRejected > 0)
      log.warn(
        { feed: feed.id, ...counts, errorCounts, firstError: errors[0] },
        'feed pulled; some rows were refused',
      );
    else log.info({ feed: feed.id, ...counts, ms }, 'feed pulled');
  }
}
