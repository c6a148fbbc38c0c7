import type { DeadLetterLog, Store } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { DiskSpool, SpoolEntry } from './disk-spool.js';
import {
  decodeSegment,
  segmentOfColumns,
  type DecodedSegment,
  type SegmentColumns,
} from './spool-records.js';

export interface SpoolDrainOptions {
  /** A segment's memo, when kept, is what was appended with it: forwarded without reading the file. */
  readonly spool: DiskSpool<SegmentColumns>;
  readonly store: Store;
  readonly deadLetters: DeadLetterLog;
  readonly logger: Logger;
  /** Readings per store write: segments are merged up to about this many, a larger one is split. */
  readonly batchSize: number;
  /** Called after segments left the spool, with the readings and dead letters they held. */
  readonly onForwarded: (readings: number, letters: number) => void;
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;
/** Segments read per store write, whatever their size: bounds memory on a large backlog. */
const MAX_SEGMENTS_PER_WRITE = 256;

/** Lets the intake's pending I/O run between two store writes of one large segment. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Forwards spooled records to the store, oldest first, and removes a segment only once the store
 * has confirmed every record in it. A failing store is retried with exponential backoff; nothing
 * leaves the spool meanwhile. Rewriting a point replaces it (identity sensor, quantity, time), so a
 * segment forwarded twice (crash between write and delete) stores nothing twice.
 */
export class SpoolDrain {
  readonly #options: SpoolDrainOptions;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;
  #retryMs = 0;
  #lastError: string | null = null;
  #unreadable = 0;
  #progress: (() => void)[] = [];

  constructor(options: SpoolDrainOptions) {
    this.#options = options;
  }

  /** Why the last store write failed; null once one succeeds again. */
  get lastError(): string | null {
    return this.#lastError;
  }

  /** Spooled lines that could not be read back (never expected; counted, not retried). */
  get unreadable(): number {
    return this.#unreadable;
  }

  start(): void {
    this.#stopping = false;
    this.#running ??= this.#run();
  }

  /** New data in the spool. */
  notify(): void {
    if (this.#retryMs === 0) this.#wake?.();
  }

  /** Waits until the spool is empty, at most `timeoutMs`; retries a failed write at once. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    this.#wake?.();
    while (this.#options.spool.batches() > 0 && this.#running !== undefined) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.#progress.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, left))),
      ]);
      clearTimeout(timer);
    }
    return this.#options.spool.batches() === 0;
  }

  /** Ends the loop after the write in progress; what is left stays spooled for the next start. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
    this.#running = undefined;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      const entries = this.#take();
      if (entries.length === 0) {
        await this.#pause();
        continue;
      }
      try {
        await this.#forward(entries);
        this.#retryMs = 0;
        this.#lastError = null;
      } catch (error) {
        this.#retryMs = Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, this.#retryMs * 2));
        this.#lastError = error instanceof Error ? error.message : String(error);
        this.#options.logger.error(
          { err: error, segments: entries.length, retryInMs: this.#retryMs },
          'store write from the spool failed; will retry',
        );
        await this.#pause(this.#retryMs);
      }
      for (const resolve of this.#progress.splice(0)) resolve();
    }
  }

  #take(): readonly SpoolEntry[] {
    const head = this.#options.spool.head(MAX_SEGMENTS_PER_WRITE);
    let records = 0;
    let end = 0;
    while (end < head.length && (end === 0 || records + head[end]!.count <= this.#options.batchSize)) {
      records += head[end]!.count;
      end += 1;
    }
    return head.slice(0, end);
  }

  async #forward(entries: readonly SpoolEntry[]): Promise<void> {
    const { spool, store, deadLetters } = this.#options;
    const decoded = await Promise.all(entries.map((entry) => this.#records(entry)));
    const readings = decoded.flatMap((segment) => segment.readings);
    const letters = decoded.flatMap((segment) => segment.letters);
    const unreadable = decoded.reduce((sum, segment) => sum + segment.unreadable, 0);
    const { batchSize } = this.#options;
    for (let from = 0; from < readings.length; from += batchSize) {
      if (from > 0) await yieldToEventLoop();
      await store.write(
        from === 0 && readings.length <= batchSize ? readings : readings.slice(from, from + batchSize),
      );
    }
    if (letters.length > 0) await deadLetters.add(letters);
    // In parallel: one at a time costs an event-loop turn per segment, which a busy intake makes long.
    await Promise.all(entries.map((entry) => spool.remove(entry)));
    if (unreadable > 0) {
      this.#unreadable += unreadable;
      this.#options.logger.error({ unreadable }, 'spooled lines could not be read back; skipped');
    }
    this.#options.onForwarded(readings.length, letters.length);
  }

  async #records(entry: SpoolEntry): Promise<DecodedSegment> {
    const columns = this.#options.spool.memo(entry);
    return columns === undefined
      ? decodeSegment(await this.#options.spool.read(entry))
      : segmentOfColumns(columns);
  }

  #pause(ms?: number): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.#wake?.(), ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
    });
  }
}
