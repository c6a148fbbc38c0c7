import { FeedError, type Feed } from '@ssc-monitor/core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { BullmqFeedSchedulerOptions } from './bullmq-feed-options.js';
import { attemptFeed, type FeedAttemptDeps } from './feed-scheduler.js';
import { resilientConnection } from './resilient-connection.js';

export interface FeedJobData {
  readonly feedId: string;
}

/** The name of every feed pull job. */
export const FEED_JOB_NAME = 'pull';

/**
 * Runs one pull job: one attempt at the feed it names. A failure BullMQ should not retry (an unknown
 * feed, or a FeedError that says retrying is futile) is thrown as an UnrecoverableError.
 */
export async function processFeedJob(
  job: Job<FeedJobData>,
  feeds: ReadonlyMap<string, Feed>,
  attempt: FeedAttemptDeps | undefined,
): Promise<void> {
  const feed = feeds.get(job.data.feedId);
  if (feed === undefined || attempt === undefined)
    throw new UnrecoverableError(`FEED_ERR_UNKNOWN_FEED: no feed '${job.data.feedId}' in the plan`);
  try {
    await attemptFeed(attempt, feed, job.attemptsMade + 1);
  } catch (error) {
    // BullMQ retries anything but an UnrecoverableError; attemptFeed says when retrying is futile.
    if (error instanceof FeedError && !error.retryable)
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/** A worker taking pull jobs, with the watchdog settings and the listeners every worker needs. */
export function createFeedWorker(
  options: Required<BullmqFeedSchedulerOptions>,
  process: (job: Job<FeedJobData>) => Promise<void>,
  logger: Logger,
): Worker<FeedJobData> {
  const { connection, prefix, queueName, concurrency, watchdog } = options;
  const worker = new Worker<FeedJobData>(queueName, process, {
    connection: resilientConnection(connection, true),
    prefix,
    concurrency,
    lockDuration: watchdog.lockDurationMs,
    stalledInterval: watchdog.stalledIntervalMs,
    maxStalledCount: watchdog.maxStalledCount,
  });
  // Without an 'error' listener a lost Redis connection would be an unhandled error event.
  worker.on('error', (error) => logger.error({ err: error }, 'feed worker error'));
  worker.on('stalled', (jobId) =>
    logger.warn({ jobId }, 'feed pull stalled (its process died?); it is run again'),
  );
  worker.on('failed', (job, error) => {
    // attemptFeed has logged feed failures already; anything else is unexpected.
    if (!(error instanceof FeedError) && !(error instanceof UnrecoverableError))
      logger.error({ err: error, feed: job?.data.feedId }, 'feed job failed');
  });
  return worker;
}
