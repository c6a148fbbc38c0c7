import { nextScheduledRun, type Clock, type FeedSchedule } from '@ssc-monitor/core';

/** setTimeout fires at once for delays above 2^31 - 1 ms (~24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One timer per id firing at a schedule's runs, for the in-process schedulers (feeds, reports).
 * Runs keep a fixed rate: when the process was busy past a run, the missed runs are skipped rather
 * than fired in a burst. Timers are unref'd, so they never keep the process alive on their own.
 */
export class RepeatTimers {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #next = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Calls `fire` at `at` (epoch ms), then at every later run of `schedule`; none when `at` is undefined. */
  plan(id: string, schedule: FeedSchedule, at: number | undefined, fire: () => void): void {
    if (at === undefined) {
      this.#next.delete(id);
      return;
    }
    this.#next.set(id, at);
    const delay = at - this.clock.now();
    const timer = setTimeout(
      () => {
        if (delay > MAX_TIMER_MS) return this.plan(id, schedule, at, fire);
        fire();
        let next = nextScheduledRun(schedule, at);
        const now = this.clock.now();
        while (next !== undefined && next <= now) next = nextScheduledRun(schedule, next);
        this.plan(id, schedule, next, fire);
      },
      Math.min(Math.max(delay, 0), MAX_TIMER_MS),
    );
    timer.unref();
    this.#timers.set(id, timer);
  }

  /** The next planned run of `id`, epoch ms; null when none. */
  next(id: string): number | null {
    return this.#next.get(id) ?? null;
  }

  /** Cancels every timer. */
  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#next.clear();
  }
}

/** Waits between retries that stop() can cut short, so shutdown never hangs on a backoff. */
export class CancellableWaits {
  readonly #waits = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wait = {
        timer: setTimeout(() => {
          this.#waits.delete(wait);
          resolve();
        }, ms),
        done: resolve,
      };
      wait.timer.unref();
      this.#waits.add(wait);
    });
  }

  /** Resolves every pending wait at once. */
  cancelAll(): void {
    for (const wait of this.#waits) {
      clearTimeout(wait.timer);
      wait.done();
    }
    this.#waits.clear();
  }
}
