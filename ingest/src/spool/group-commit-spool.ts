import type { Logger } from 'pino';
import type { DiskSpool } from './disk-spool.js';

/** What to do with a message when the spool is full. */
export type WhenFull =
  /** Wait for space: the caller withholds its acknowledgement meanwhile (QoS 1/2). */
  | 'wait'
  /** Give up at once: the caller counts the message as dropped (QoS 0, which has no ack). */
  | 'drop';

export interface GroupCommitSpoolOptions<Item, Memo> {
  readonly spool: DiskSpool<Memo>;
  /**
   * The disk spool's memo of a segment from the items appended with its records, in order: a
   * compact form, since it stays in memory until the segment is stored. No memo when absent.
   */
  readonly memoOf?: (items: readonly Item[]) => Memo;
  /** Most bytes the spool may hold on disk (committed segments plus the batch being written). */
  readonly maxBytes: number;
  readonly logger: Logger;
  /** Told when the spool fills up (true) and when it has room again (false). */
  readonly onFullChange?: (full: boolean) => void;
  /**
   * Segments being written at once; the disk spool needs at least this `concurrency`.
   * @defaultValue 1
   */
  readonly concurrentCommits?: number;
}

interface Waiter<Item> {
  readonly body: string;
  readonly item: Item | undefined;
  readonly records: number;
  readonly bytes: number;
  resolve(durable: boolean): void;
}

/**
 * Appends records to a disk spool with group commit: everything appended while segments are being
 * written (and fsynced) goes into the next segment, so one fsync makes a whole batch of messages
 * durable and the commit rate adapts to the load without a timer. Up to `concurrentCommits`
 * segments are written at once, because concurrent fsyncs share journal commits. Each append resolves true once
 * its records are durable, false if they never will be (spool error, stop, or full with 'drop').
 */
export class GroupCommitSpool<Item = never, Memo = never> {
  readonly #options: GroupCommitSpoolOptions<Item, Memo>;
  #batch: string[] = [];
  /** The items of the batch; null once an append came without one (the segment gets no memo). */
  #batchItems: Item[] | null = [];
  #batchRecords = 0;
  #batchBytes = 0;
  #batchWaiters: ((durable: boolean) => void)[] = [];
  #committingBytes = 0;
  #committingRecords = 0;
  #waitingRecords = 0;
  readonly #committing = new Set<Promise<void>>();
  #scheduled = false;
  readonly #waiting: Waiter<Item>[] = [];
  #full = false;
  #stopped = false;
  #commits = 0;

  constructor(options: GroupCommitSpoolOptions<Item, Memo>) {
    this.#options = options;
  }

  /** True while appends wait for (or are refused) room. */
  get full(): boolean {
    return this.#full;
  }

  /** Segments written (each one fsync). */
  get commits(): number {
    return this.#commits;
  }

  /** Appends waiting for room. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Records appended and not yet in the spool: batched, being committed, or waiting for room. */
  get unspooled(): number {
    return this.#batchRecords + this.#committingRecords + this.#waitingRecords;
  }

  /**
   * `body` holds `records` newline-terminated records; `item`, what they are in memory, is kept
   * beside the segment (the disk spool's memo) so that forwarding need not read it back.
   */
  append(body: string, records: number, whenFull: WhenFull, item?: Item): Promise<boolean> {
    if (this.#stopped) return Promise.resolve(false);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (this.#waiting.length > 0 || !this.#fits(bytes)) {
      this.#setFull(true);
      if (whenFull === 'drop') return Promise.resolve(false);
      this.#waitingRecords += records;
      return new Promise((resolve) => this.#waiting.push({ body, item, records, bytes, resolve }));
    }
    return new Promise((resolve) => this.#enqueue({ body, item, records, bytes, resolve }));
  }

  /** The store has taken segments out of the spool: admit waiting appends that now fit. */
  released(): void {
    while (this.#waiting.length > 0 && this.#fits(this.#waiting[0]!.bytes)) {
      const waiter = this.#waiting.shift()!;
      this.#waitingRecords -= waiter.records;
      this.#enqueue(waiter);
    }
    if (this.#waiting.length === 0 && this.#fits(0)) this.#setFull(false);
  }

  /** Resolves once everything appended so far is committed (or has failed). */
  async idle(): Promise<void> {
    while (this.#committing.size > 0 || this.#scheduled || this.#batch.length > 0) {
      if (this.#committing.size > 0) await Promise.all(this.#committing);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Commits what is batched; appends still waiting for room resolve false (never acknowledged). */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const waiter of this.#waiting.splice(0)) waiter.resolve(false);
    this.#waitingRecords = 0;
    await this.idle();
  }

  #fits(bytes: number): boolean {
    const used = this.#options.spool.bytes() + this.#committingBytes + this.#batchBytes;
    // An empty spool always takes one batch, so that a record larger than the limit cannot wedge it.
    return used === 0 || used + bytes <= this.#options.maxBytes;
  }

  #setFull(full: boolean): void {
    if (full === this.#full) return;
    this.#full = full;
    this.#options.onFullChange?.(full);
  }

  #enqueue(waiter: Waiter<Item>): void {
    this.#batch.push(waiter.body);
    if (waiter.item === undefined) this.#batchItems = null;
    else this.#batchItems?.push(waiter.item);
    this.#batchRecords += waiter.records;
    this.#batchBytes += waiter.bytes;
    this.#batchWaiters.push(waiter.resolve);
    // Wait for the rest of this I/O turn (e.g. every message of one socket read) before committing.
    if (this.#committing.size < this.#maxCommits && !this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.#commitNext();
      });
    }
  }

  get #maxCommits(): number {
    return this.#options.concurrentCommits ?? 1;
  }

  #commitNext(): void {
    if (this.#committing.size >= this.#maxCommits || this.#batch.length === 0) return;
    const body = this.#batch.join('');
    const records = this.#batchRecords;
    const waiters = this.#batchWaiters;
    const bytes = this.#batchBytes;
    const items = this.#batchItems;
    const memo = items === null ? undefined : this.#options.memoOf?.(items);
    this.#committingBytes += bytes;
    this.#committingRecords += records;
    [this.#batch, this.#batchRecords, this.#batchBytes, this.#batchWaiters] = [[], 0, 0, []];
    this.#batchItems = [];
    const commit = this.#options.spool.append(body, records, memo).then(
      () => {
        this.#commits += 1;
        for (const resolve of waiters) resolve(true);
      },
      (error: unknown) => {
        this.#options.logger.error({ err: error, records }, 'spool write failed; not acknowledged');
        for (const resolve of waiters) resolve(false);
      },
    );
    this.#committing.add(commit);
    void commit.finally(() => {
      this.#committing.delete(commit);
      this.#committingBytes -= bytes;
      this.#committingRecords -= records;
      this.#commitNext();
    });
  }
}
