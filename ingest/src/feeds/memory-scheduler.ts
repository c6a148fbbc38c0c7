import {
  FeedError,
  SYSTEM_CLOCK,
  nextScheduledRun,
  parseFeedSchedule,
  type Clock,
  type Feed,
  type FeedStatus,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { CancellableWaits, RepeatTimers } from '../scheduling/repeat-timers.js';
import type { FeedPuller } from './feed-runner.js';
import {
  DEFAULT_FEED_RETRY_POLICY,
  attemptFeed,
  feedStatuses,
  retryDelayMs,
  type FeedAttemptDeps,
  type FeedRetryPolicy,
  type FeedScheduler,
} from './feed-scheduler.js';
import { MemoryFeedStatusStore, type FeedStatusStore } from './feed-status.js';

export interface MemoryFeedSchedulerDeps {
  readonly feeds: readonly Feed[];
  readonly runner: FeedPuller;
  readonly logger: Logger;
  /** @defaultValue SYSTEM_CLOCK */
  readonly clock?: Clock;
  /** @defaultValue a new MemoryFeedStatusStore */
  readonly statusStore?: FeedStatusStore;
}

export interface MemoryFeedSchedulerOptions {
  /** @defaultValue DEFAULT_FEED_RETRY_POLICY */
  readonly retry?: FeedRetryPolicy;
}

/**
 * The in-process scheduler, used when no Redis is configured: timers per feed and the same
 * attempts and exponential backoff as BullMQ. A feed whose pull (retries included) is still going
 * when its next run comes is not started twice. Status lives in memory.
 */
export class MemoryFeedScheduler implements FeedScheduler {
  readonly #feeds: ReadonlyMap<string, Feed>;
  readonly #attempt: FeedAttemptDeps;
  readonly #timers: RepeatTimers;
  readonly #running = new Map<string, Promise<void>>();
  readonly #waits = new CancellableWaits();
  #stopped = false;

  constructor(deps: MemoryFeedSchedulerDeps, options: MemoryFeedSchedulerOptions = {}) {
    this.#feeds = new Map(deps.feeds.map((feed) => [feed.id, feed]));
    this.#attempt = {
      runner: deps.runner,
      statusStore: deps.statusStore ?? new MemoryFeedStatusStore(),
      clock: deps.clock ?? SYSTEM_CLOCK,
      logger: deps.logger,
      retry: options.retry ?? DEFAULT_FEED_RETRY_POLICY,
    };
    this.#timers = new RepeatTimers(this.#attempt.clock);
  }

  start(): Promise<void> {
    this.#stopped = false;
    const now = this.#attempt.clock.now();
    for (const feed of this.#feeds.values()) {
      const parsed = parseFeedSchedule(feed.schedule);
      if (!parsed.ok) {
        this.#attempt.logger.error({ feed: feed.id }, `feed not scheduled: ${parsed.reason}`);
        continue;
      }
      if (parsed.schedule.kind === 'every') this.#trigger(feed);
      this.#timers.plan(feed.id, parsed.schedule, nextScheduledRun(parsed.schedule, now), () =>
        this.#trigger(feed),
      );
    }
    return Promise.resolve();
  }

  runNow(feedId: string): Promise<void> {
    const feed = this.#feeds.get(feedId);
    if (feed === undefined)
      return Promise.reject(new FeedError('FEED_ERR_UNKNOWN_FEED', `no feed '${feedId}' in the plan`));
    this.#trigger(feed);
    return Promise.resolve();
  }

  status(): Promise<FeedStatus[]> {
    const now = this.#attempt.clock.now();
    return feedStatuses(
      [...this.#feeds.values()],
      this.#attempt.statusStore,
      (id) => this.#timers.next(id),
      now,
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timers.clear();
    this.#waits.cancelAll();
    await Promise.allSettled(this.#running.values());
  }

  #trigger(feed: Feed): void {
    if (this.#stopped) return;
    if (this.#running.has(feed.id)) {
      this.#attempt.logger.debug({ feed: feed.id }, 'feed pull still going; this run is skipped');
      return;
    }
    const pull = this.#pull(feed).finally(() => this.#running.delete(feed.id));
    this.#running.set(feed.id, pull);
  }

  async #pull(feed: Feed): Promise<void> {
    for (let attempt = 1; !this.#stopped; attempt += 1) {
      try {
        await attemptFeed(this.#attempt, feed, attempt);
        return;
      } catch (error) {
        // attemptFeed has recorded and logged the failure; it says whether a retry is due.
        if (!(error instanceof FeedError) || !error.retryable) return;
        await this.#waits.wait(retryDelayMs(this.#attempt.retry, attempt));
      }
    }
  }
}
