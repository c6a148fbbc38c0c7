import type { ConnectionOptions } from 'bullmq';
import { DEFAULT_FEED_RETRY_POLICY, type FeedRetryPolicy } from './feed-scheduler.js';

export interface BullmqFeedSchedulerOptions {
  /** Redis connection, e.g. `{ url: 'redis://127.0.0.1:6379' }`. */
  readonly connection: ConnectionOptions;
  /** Prefix of every key (BullMQ's and the feed status); tests use a unique one. @defaultValue 'ssc' */
  readonly prefix?: string;
  /** @defaultValue 'feeds' */
  readonly queueName?: string;
  /** Pulls run at once by this process. @defaultValue 2 */
  readonly concurrency?: number;
  /** @defaultValue DEFAULT_FEED_RETRY_POLICY */
  readonly retry?: FeedRetryPolicy;
  /** How long start() waits for Redis before failing, ms. @defaultValue 10000 */
  readonly connectTimeoutMs?: number;
  /** How the worker notices a pull whose process died. @defaultValue DEFAULT_FEED_WATCHDOG */
  readonly watchdog?: FeedWatchdog;
}

/**
 * BullMQ's advice for workers that must survive Redis restarts and dying processes: a worker
 * holds a lock on its job, renewed every lockDuration / 2; a job whose lock lapsed (its process
 * was killed) is found by the stalled check every stalledIntervalMs and put back to wait, up to
 * maxStalledCount times, then failed. Pulls are idempotent, so a redone pull stores the same.
 */
export interface FeedWatchdog {
  /** ms. @defaultValue 30000 */
  readonly lockDurationMs: number;
  /** ms. @defaultValue 30000 */
  readonly stalledIntervalMs: number;
  /** @defaultValue 2 */
  readonly maxStalledCount: number;
}

export const DEFAULT_FEED_WATCHDOG: FeedWatchdog = Object.freeze({
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 2,
});

/** The options with every default filled in. */
export function withFeedDefaults(options: BullmqFeedSchedulerOptions): Required<BullmqFeedSchedulerOptions> {
  return {
    prefix: 'ssc',
    queueName: 'feeds',
    concurrency: 2,
    retry: DEFAULT_FEED_RETRY_POLICY,
    connectTimeoutMs: 10_000,
    watchdog: DEFAULT_FEED_WATCHDOG,
    ...options,
  };
}
