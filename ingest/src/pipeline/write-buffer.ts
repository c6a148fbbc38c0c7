import type { Logger } from 'pino';

export interface WriteBufferOptions<T> {
  readonly name: string;
  /** Items per write. */
  readonly batchSize: number;
  /** Longest wait before a partial batch is written, ms. */
  readonly flushMs: number;
  readonly write: (items: T[]) => Promise<void>;
  readonly logger: Logger;
  /** Called after each successful write with the number of items written. */
  readonly onWritten?: (count: number) => void;
}

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Batches items and writes them one batch at a time. A failed batch stays at the head and is
 * retried with exponential backoff, so nothing accepted is dropped while the store is down.
 */
export class WriteBuffer<T> {
  #pending: T[] = [];
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #retryDelay = 0;
  #lastError: string | null = null;

  constructor(private readonly options: WriteBufferOptions<T>) {}

  get pending(): number {
    return this.#pending.length;
  }

  get lastError(): string | null {
    return this.#lastError;
  }

  push(item: T): void {
    this.#pending.push(item);
    if (this.#pending.length >= this.options.batchSize) this.#kick();
    else this.#schedule(this.options.flushMs);
  }

  /** Writes everything pending; rejects if a write fails (the items stay pending). */
  async flush(): Promise<void> {
    while (this.#pending.length > 0 || this.#inFlight) {
      if (this.#inFlight) {
        await this.#inFlight.catch(() => undefined);
        continue;
      }
      await this.#writeNext(true);
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(delay: number): void {
    if (this.#timer !== undefined || this.#inFlight) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#kick();
    }, delay);
  }

  #kick(): void {
    if (this.#inFlight || this.#pending.length === 0) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#writeNext(false).catch(() => undefined);
  }

  async #writeNext(throwOnError: boolean): Promise<void> {
    const batch = this.#pending.splice(0, this.options.batchSize);
    const write = this.options.write(batch);
    this.#inFlight = write;
    try {
      await write;
      this.#retryDelay = 0;
      this.#lastError = null;
      this.options.onWritten?.(batch.length);
    } catch (error) {
      this.#pending.unshift(...batch);
      this.#retryDelay = Math.min(MAX_RETRY_DELAY_MS, Math.max(250, this.#retryDelay * 2));
      this.#lastError = error instanceof Error ? error.message : String(error);
      this.options.logger.error(
        { err: error, items: batch.length, retryInMs: this.#retryDelay },
        `${this.options.name} write failed; will retry`,
      );
      if (throwOnError) throw error;
    } finally {
      this.#inFlight = undefined;
    }
    if (this.#pending.length >= this.options.batchSize) this.#kick();
    else if (this.#pending.length > 0) this.#schedule(this.#retryDelay || this.options.flushMs);
  }
}
