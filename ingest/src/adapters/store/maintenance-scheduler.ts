/**
 * One maintenance step: resolves true when work is left for a next step soon (e.g. hours rolled
 * up once that are recomputed again to settle), false when nothing is left.
 */
export type MaintenanceStep = () => Promise<boolean>;

export interface MaintenanceSchedulerOptions {
  /** Time from the first write after a step to the next step, ms. */
  readonly delayMs: number;
  /** Time between steps when nothing is written, ms. */
  readonly periodMs: number;
  /** A failed background step; the next write, the period or a retry runs it again. */
  readonly onError: (error: unknown) => void;
}

/**
 * Runs a store's maintenance in batches off the write path: writes call `notify()`, which starts
 * one step `delayMs` later however many writes follow (a throttle rather than a debounce, so that
 * steady ingestion is rolled up too); `runNow()` is the same step on demand. Steps never overlap.
 */
export class MaintenanceScheduler {
  readonly #step: MaintenanceStep;
  readonly #options: MaintenanceSchedulerOptions;
  #timer: NodeJS.Timeout | undefined;
  #periodic: NodeJS.Timeout | undefined;
  /** The newest step, queued, running or done; each step waits for the one before. */
  #latest: Promise<void> = Promise.resolve();
  #queued: Promise<void> | undefined;
  #stopped = false;

  constructor(step: MaintenanceStep, options: MaintenanceSchedulerOptions) {
    this.#step = step;
    this.#options = options;
  }

  /** Starts the periodic step; timers never keep the process alive. */
  start(): void {
    if (this.#stopped || this.#periodic !== undefined) return;
    this.#periodic = setInterval(() => this.#background(), this.#options.periodMs);
    this.#periodic.unref();
  }

  /** Something was written: a step runs within `delayMs`. */
  notify(): void {
    if (this.#stopped || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#background();
    }, this.#options.delayMs);
    this.#timer.unref();
  }

  /**
   * Runs a step that starts after this call, so it covers everything written before it; waits
   * for a step in progress first. Callers arriving while a step is queued share it.
   */
  runNow(): Promise<void> {
    if (this.#queued !== undefined) return this.#queued;
    const queued = this.#stepAfter(this.#latest);
    this.#queued = queued;
    this.#latest = queued;
    return queued;
  }

  /** Cancels timers and waits for a step in progress or queued; later notifications are ignored. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearInterval(this.#periodic);
    this.#timer = undefined;
    this.#periodic = undefined;
    await this.#latest.catch(() => undefined);
  }

  async #stepAfter(previous: Promise<void>): Promise<void> {
    await previous.catch(() => undefined);
    // Started: a later call queues another step. Writes notified until now are covered by this one.
    this.#queued = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (await this.#step()) this.notify();
  }

  #background(): void {
    if (this.#stopped) return;
    this.runNow().catch((error: unknown) => {
      this.#options.onError(error);
      // Try again later rather than wait for the next write or period.
      this.notify();
    });
  }
}
