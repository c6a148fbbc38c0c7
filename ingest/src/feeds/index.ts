/**
 * Open-data feeds pulled on a schedule: the runner (fetch, parse, map, store what is new), the
 * schedulers (BullMQ with Redis, in process without) and the status they keep.
 */
export { BullmqFeedScheduler, type BullmqFeedSchedulerDeps } from './bullmq-scheduler.js';
export {
  DEFAULT_FEED_WATCHDOG,
  type FeedWatchdog,
  type BullmqFeedSchedulerOptions,
} from './bullmq-feed-options.js';
export { createFeedScheduler, type FeedSchedulerChoice } from './create-feed-scheduler.js';
export {
  DEFAULT_FEED_RUNNER_OPTIONS,
  FeedRunner,
  type FeedPuller,
  type FeedRunResult,
  type FeedRunnerDeps,
  type FeedRunnerOptions,
} from './feed-runner.js';
export {
  DEFAULT_FEED_RETRY_POLICY,
  retryDelayMs,
  type FeedRetryPolicy,
  type FeedScheduler,
} from './feed-scheduler.js';
export {
  MemoryFeedStatusStore,
  RedisFeedStatusStore,
  type FeedRecord,
  type FeedStatusStore,
} from './feed-status.js';
export {
  MemoryFeedScheduler,
  type MemoryFeedSchedulerDeps,
  type MemoryFeedSchedulerOptions,
} from './memory-scheduler.js';
export { isPrivateAddress } from './network-guard.js';
