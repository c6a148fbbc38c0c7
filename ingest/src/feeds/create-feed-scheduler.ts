import type { Clock, Feed } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { BullmqFeedScheduler } from './bullmq-scheduler.js';
import type { FeedPuller } from './feed-runner.js';
import type { FeedRetryPolicy, FeedScheduler } from './feed-scheduler.js';
import { MemoryFeedScheduler } from './memory-scheduler.js';

export interface FeedSchedulerChoice {
  /** BullMQ on this Redis when set; the in-process scheduler otherwise (the embedded default). */
  readonly redisUrl?: string;
  /** Key prefix in Redis. @defaultValue 'ssc' */
  readonly prefix?: string;
  readonly retry?: FeedRetryPolicy;
}

/** The scheduler for the deployment: BullMQ with REDIS_URL, in process without. Not started. */
export function createFeedScheduler(
  deps: {
    readonly feeds: readonly Feed[];
    readonly runner: FeedPuller;
    readonly logger: Logger;
    readonly clock?: Clock;
  },
  choice: FeedSchedulerChoice = {},
): FeedScheduler {
  const retry = choice.retry === undefined ? {} : { retry: choice.retry };
  if (choice.redisUrl === undefined) return new MemoryFeedScheduler(deps, retry);
  const prefix = choice.prefix === undefined ? {} : { prefix: choice.prefix };
  return new BullmqFeedScheduler(deps, { connection: { url: choice.redisUrl }, ...prefix, ...retry });
}
