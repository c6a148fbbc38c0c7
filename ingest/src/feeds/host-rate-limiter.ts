/** Waits `ms`; injectable so tests can run the limiter on fake time. */
export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spaces requests to the same host at least `minIntervalMs` apart (start to start) and runs them
 * one at a time, so that many feeds on one portal, or a portal's pages, never burst against it.
 * Different hosts do not wait for each other. Process-local: several ingest processes each keep
 * their own spacing.
 */
export class HostRateLimiter {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #lastStart = new Map<string, number>();

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Runs `task` when the host's turn comes; resolves or rejects with the task. */
  schedule<T>(host: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(host) ?? Promise.resolve();
    const run = previous.then(async () => {
      const wait = (this.#lastStart.get(host) ?? -Infinity) + this.minIntervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
      this.#lastStart.set(host, this.now());
      return task();
    });
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(host, tail);
    // Forget idle hosts so the maps stay as small as the set of hosts in use.
    void tail.then(() => {
      if (this.#tails.get(host) === tail) this.#tails.delete(host);
    });
    return run;
  }
}
