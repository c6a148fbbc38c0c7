import type { Logger } from 'pino';
import { StoreError } from '../store-error.js';
import type { DiskSpool, SpoolEntry } from '../../../spool/disk-spool.js';
import { isolateRefusedLines, type RefusedLine } from './refused-lines.js';
import { failureAction, retryDelayMs, type RetryPolicy } from './retry-policy.js';

/** How a write ended: acknowledged by InfluxDB, or durable in the spool and forwarded later. */
export type Settlement = 'stored' | 'spooled';

export interface SpoolForwarderOptions {
  readonly spool: DiskSpool;
  /** Sends one batch of line protocol; rejects with the client's HttpError or a network error. */
  readonly send: (body: string, signal: AbortSignal) => Promise<void>;
  readonly retry: RetryPolicy;
  /**
   * Keeps the lines InfluxDB refused as data (dead letters). The batch leaves the spool only once
   * this resolves; if it rejects, the batch is retried later, so no refused line goes unrecorded.
   */
  readonly onRefused?: (lines: readonly RefusedLine[]) => Promise<void>;
  readonly logger: Logger;
  readonly now?: () => number;
}

const MAX_REFUSALS = 100;
/**
 * Readings sent in one request when several batches wait: after an outage the spool holds thousands
 * of small batches (one per store write), and one request each made draining slower than the outage.
 */
export const MAX_READINGS_PER_REQUEST = 5_000;

interface Waiter {
  resolve(settlement: Settlement): void;
  reject(error: StoreError): void;
}

/**
 * Sends spooled batches to InfluxDB one at a time, oldest first, and removes each from the spool
 * only once acknowledged. While the server is unreachable or failing (network errors, 5xx, 429) it
 * retries the head batch with backoff. When the server refuses a batch as data (4xx such as a bad
 * line), the batch is resent in halves to write every line the server takes; only the lines it
 * refuses alone go to `onRefused` and are counted, so one bad line neither blocks the queue nor
 * takes the good lines of its batch down with it.
 */
export class SpoolForwarder {
  readonly #options: SpoolForwarderOptions;
  readonly #waiters = new Map<number, Waiter>();
  #connected = false;
  #failures = 0;
  #rejected = 0;
  #lastError: Error | undefined;
  #stopping = false;
  #running: Promise<void> | undefined;
  #inFlight: AbortController | undefined;
  /** Ends the current pause; `#pausedForData` tells whether new data may end it too. */
  #wake: (() => void) | undefined;
  #pausedForData = false;
  #progress: (() => void)[] = [];
  /** Recent refusals by seq, for writers that ask after the fact; bounded. */
  readonly #refusals = new Map<number, StoreError>();

  constructor(options: SpoolForwarderOptions) {
    this.#options = options;
  }

  /** True while the last attempt reached InfluxDB. */
  get connected(): boolean {
    return this.#connected;
  }

  /** The failure of the last attempt; undefined once a batch is acknowledged again. */
  get lastError(): Error | undefined {
    return this.#lastError;
  }

  /** Readings InfluxDB refused as data, dead-lettered and skipped. */
  get rejected(): number {
    return this.#rejected;
  }

  /** `connected` is what the start-up check found, so that the first writes know whether to wait. */
  start(connected: boolean): void {
    this.#connected = connected;
    this.#running = this.#run();
  }

  /** New data in the spool. */
  notify(): void {
    if (this.#pausedForData) this.#wake?.();
  }

  /**
   * Resolves 'stored' once the batch is acknowledged, or 'spooled' as soon as InfluxDB is
   * unreachable or `timeoutMs` has passed (the batch is durable either way). A batch some of
   * whose lines InfluxDB refused is 'stored' too: those lines are dead letters. Rejects with
   * STORE_ERR_WRITE only when the spooled batch itself was lost.
   */
  settled(entry: SpoolEntry, timeoutMs: number): Promise<Settlement> {
    if (!this.#options.spool.has(entry.seq)) {
      // Forwarded before the writer asked, which can happen for the first batches of a long write.
      const refusal = this.#refusals.get(entry.seq);
      return refusal === undefined ? Promise.resolve('stored') : Promise.reject(refusal);
    }
    if (!this.#connected || this.#stopping) return Promise.resolve('spooled');
    return new Promise<Settlement>((resolve, reject) => {
      const timer = setTimeout(() => this.#settle(entry.seq, 'spooled'), timeoutMs);
      const done = (): void => clearTimeout(timer);
      this.#waiters.set(entry.seq, {
        resolve: (settlement) => (done(), resolve(settlement)),
        reject: (error) => (done(), reject(error)),
      });
    });
  }

  /** Retries at once, then waits until the spool is empty or `timeoutMs` has passed. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#wake?.();
    await this.#waitWhile(() => this.#options.spool.batches() > 0 && this.#running !== undefined, timeoutMs);
    return this.#options.spool.batches() === 0;
  }

  /**
   * Resolves true once every batch up to `seq` has left the spool (acknowledged, or refused and
   * skipped); false as soon as InfluxDB is unreachable, or after `timeoutMs`.
   */
  async passed(seq: number, timeoutMs: number): Promise<boolean> {
    const behind = (): boolean => (this.#options.spool.first()?.seq ?? Infinity) <= seq;
    await this.#waitWhile(() => behind() && this.#connected, timeoutMs);
    return !behind();
  }

  /** Waits for forwarding progress while `condition` holds, at most `timeoutMs`. */
  async #waitWhile(condition: () => boolean, timeoutMs: number): Promise<void> {
    const now = this.#options.now ?? Date.now;
    const deadline = now() + timeoutMs;
    while (condition() && !this.#stopping) {
      const left = deadline - now();
      if (left <= 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.#progress.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, left))),
      ]);
      clearTimeout(timer);
    }
  }

  /** Aborts a send in flight (its batch stays spooled) and ends the loop. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#inFlight?.abort();
    this.#wake?.();
    await this.#running;
    for (const seq of [...this.#waiters.keys()]) this.#settle(seq, 'spooled');
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      const entries = this.#take();
      if (entries.length === 0) {
        await this.#pause(true);
        continue;
      }
      const delay = await this.#forward(entries).catch((error: unknown) => {
        // Only the spool can fail here (e.g. deleting a refused batch); keep going, slowly.
        this.#options.logger.error({ err: error }, 'spool error while forwarding');
        return this.#options.retry.maxDelayMs;
      });
      for (const resolve of this.#progress.splice(0)) resolve();
      if (delay > 0) await this.#pause(false, delay);
    }
  }

  #pause(forData: boolean, ms?: number): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.#wake?.(), ms);
      this.#pausedForData = forData;
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#pausedForData = false;
        resolve();
      };
    });
  }

  /** The head batch, and the batches after it while they fit in one request. */
  #take(): readonly SpoolEntry[] {
    const head = this.#options.spool.head(MAX_READINGS_PER_REQUEST);
    let readings = 0;
    let end = 0;
    while (end < head.length && (end === 0 || readings + head[end]!.count <= MAX_READINGS_PER_REQUEST)) {
      readings += head[end]!.count;
      end += 1;
    }
    return head.slice(0, end);
  }

  /** One attempt at the head batches, sent as one request; returns the delay before the next attempt. */
  async #forward(taken: readonly SpoolEntry[]): Promise<number> {
    const controller = new AbortController();
    this.#inFlight = controller;
    const [head] = taken as [SpoolEntry, ...SpoolEntry[]];
    try {
      const { entries, bodies } = await this.#read(taken);
      const refused = await this.#sendAll(bodies.join('\n'), controller.signal);
      if (refused.length > 0) await this.#refused(head, refused);
      for (const entry of entries) {
        await this.#options.spool.remove(entry);
        this.#acknowledged(entry);
      }
      return 0;
    } catch (error) {
      // Stopped mid-send: the batches stay spooled for the next start, which resends them.
      if (this.#stopping) return 0;
      return await this.#failed(head, error);
    } finally {
      this.#inFlight = undefined;
    }
  }

  /**
   * Reads the batches; one that cannot be read ends the request before it, so that a missing
   * segment is only ever reported for the head batch (and skipped) on its own attempt.
   */
  async #read(taken: readonly SpoolEntry[]): Promise<{ entries: SpoolEntry[]; bodies: string[] }> {
    const entries: SpoolEntry[] = [];
    const bodies: string[] = [];
    for (const entry of taken) {
      try {
        bodies.push(await this.#options.spool.read(entry));
      } catch (error) {
        if (entries.length === 0) throw error;
        break;
      }
      entries.push(entry);
    }
    return { entries, bodies };
  }

  /** Sends the batch; on a refusal as data, isolates the refused lines and writes the rest. */
  async #sendAll(body: string, signal: AbortSignal): Promise<readonly RefusedLine[]> {
    try {
      await this.#options.send(body, signal);
      return [];
    } catch (error) {
      if (failureAction(error) !== 'reject') throw error;
      return await isolateRefusedLines(body.split('\n'), error, this.#options.send, signal);
    }
  }

  async #refused(entry: SpoolEntry, lines: readonly RefusedLine[]): Promise<void> {
    await this.#options.onRefused?.(lines);
    this.#rejected += lines.length;
    this.#options.logger.error(
      {
        err: lines[0]!.error,
        seq: entry.seq,
        refused: lines.length,
        readings: entry.count,
        rejected: this.#rejected,
      },
      'InfluxDB refused lines of a batch; dead-lettered them and wrote the rest',
    );
  }

  #acknowledged(entry: SpoolEntry): void {
    if (!this.#connected) {
      this.#options.logger.info(
        { pending: this.#options.spool.pending() },
        'InfluxDB reachable again; forwarding the spool',
      );
    }
    this.#connected = true;
    this.#failures = 0;
    this.#lastError = undefined;
    this.#settle(entry.seq, 'stored');
  }

  async #failed(entry: SpoolEntry, error: unknown): Promise<number> {
    const err = error instanceof Error ? error : new Error(String(error));
    this.#lastError = err;
    if (isMissingSegment(error)) {
      // The segment is gone: retrying the same batch can never succeed.
      this.#rejected += entry.count;
      this.#options.logger.error(
        { err, seq: entry.seq, readings: entry.count, rejected: this.#rejected },
        'spooled batch missing; skipped it',
      );
      await this.#options.spool.remove(entry);
      this.#connected = true;
      this.#failures = 0;
      const refusal = new StoreError('STORE_ERR_WRITE', `spooled batch lost: ${err.message}`, {
        cause: err,
      });
      this.#refusals.set(entry.seq, refusal);
      if (this.#refusals.size > MAX_REFUSALS) this.#refusals.delete(this.#refusals.keys().next().value!);
      this.#settle(entry.seq, refusal);
      return 0;
    }
    this.#failures += 1;
    const log = this.#connected ? this.#options.logger.warn : this.#options.logger.debug;
    log.call(
      this.#options.logger,
      { err, pending: this.#options.spool.pending() },
      'InfluxDB unreachable; writes are spooled',
    );
    this.#connected = false;
    // Everyone waiting is durable in the spool; none should wait out the outage.
    for (const seq of [...this.#waiters.keys()]) this.#settle(seq, 'spooled');
    const now = (this.#options.now ?? Date.now)();
    return retryDelayMs(this.#failures, this.#options.retry, error, now);
  }

  #settle(seq: number, outcome: Settlement | StoreError): void {
    const waiter = this.#waiters.get(seq);
    if (waiter === undefined) return;
    this.#waiters.delete(seq);
    if (outcome instanceof StoreError) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }
}

function isMissingSegment(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
