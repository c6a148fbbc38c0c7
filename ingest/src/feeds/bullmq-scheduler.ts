import {
  FeedError,
  SYSTEM_CLOCK,
  parseFeedSchedule,
  type Clock,
  type Feed,
  type FeedStatus,
} from '@ssc-monitor/core';
import { Queue, type JobsOptions, type Worker } from 'bullmq';
import type { Logger } from 'pino';
import { nextJobRuns, openQueue, syncJobSchedulers } from '../scheduling/bullmq-schedules.js';
import { withFeedDefaults, type BullmqFeedSchedulerOptions } from './bullmq-feed-options.js';
import { createFeedWorker, FEED_JOB_NAME, processFeedJob, type FeedJobData } from './bullmq-feed-worker.js';
import type { FeedPuller } from './feed-runner.js';
import { feedStatuses, type FeedAttemptDeps, type FeedScheduler } from './feed-scheduler.js';
import { RedisFeedStatusStore } from './feed-status.js';
import { resilientConnection } from './resilient-connection.js';

export interface BullmqFeedSchedulerDeps {
  readonly feeds: readonly Feed[];
  readonly runner: FeedPuller;
  readonly logger: Logger;
  /** @defaultValue SYSTEM_CLOCK */
  readonly clock?: Clock;
}

/**
 * Feeds on BullMQ: one job scheduler per feed (an interval, or a cron pattern in UTC), a worker
 * with attempts and exponential backoff, and the status in Redis beside the queue, so that every
 * process of the platform sees the same. Schedulers of feeds no longer in the plan are removed.
 */
export class BullmqFeedScheduler implements FeedScheduler {
  readonly #feeds: ReadonlyMap<string, Feed>;
  readonly #options: Required<BullmqFeedSchedulerOptions>;
  readonly #logger: Logger;
  readonly #clock: Clock;
  #queue: Queue<FeedJobData> | undefined;
  #worker: Worker<FeedJobData> | undefined;
  #attempt: FeedAttemptDeps | undefined;

  constructor(
    private readonly deps: BullmqFeedSchedulerDeps,
    options: BullmqFeedSchedulerOptions,
  ) {
    this.#feeds = new Map(deps.feeds.map((feed) => [feed.id, feed]));
    this.#options = withFeedDefaults(options);
    this.#logger = deps.logger;
    this.#clock = deps.clock ?? SYSTEM_CLOCK;
  }

  get #jobOptions(): JobsOptions {
    const { attempts, backoffMs } = this.#options.retry;
    return {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      // Finished jobs stay a while for inspection; the feed status keeps the history that matters.
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 500 },
    };
  }

  /** Connects, syncs the job schedulers and starts the worker; on failure it closes what it opened. */
  async start(): Promise<void> {
    try {
      await this.#startQueue();
      this.#worker = createFeedWorker(
        this.#options,
        (job) => processFeedJob(job, this.#feeds, this.#attempt),
        this.#logger,
      );
      await this.#worker.waitUntilReady();
    } catch (error) {
      await this.stop().catch((cause: unknown) =>
        this.#logger.warn({ err: cause }, 'feed scheduler cleanup failed'),
      );
      throw error;
    }
  }

  async #startQueue(): Promise<void> {
    const { connection, prefix, queueName, connectTimeoutMs } = this.#options;
    const queue = new Queue<FeedJobData>(queueName, {
      connection: resilientConnection(connection, false),
      prefix,
    });
    this.#queue = queue;
    await openQueue(queue, this.#logger, 'feed', connectTimeoutMs);
    this.#attempt = {
      runner: this.deps.runner,
      statusStore: new RedisFeedStatusStore(() => queue.client, `${prefix}:${queueName}`),
      clock: this.#clock,
      logger: this.#logger,
      retry: this.#options.retry,
    };
    await this.#syncSchedulers(queue);
  }

  async #syncSchedulers(queue: Queue<FeedJobData>): Promise<void> {
    const entries = [];
    for (const feed of this.#feeds.values()) {
      const parsed = parseFeedSchedule(feed.schedule);
      if (!parsed.ok) {
        this.#logger.error({ feed: feed.id }, `feed not scheduled: ${parsed.reason}`);
        continue;
      }
      const data = { feedId: feed.id };
      entries.push({
        id: feed.id,
        schedule: parsed.schedule,
        name: FEED_JOB_NAME,
        data,
        opts: this.#jobOptions,
      });
    }
    await syncJobSchedulers(queue, entries);
  }

  async runNow(feedId: string): Promise<void> {
    if (!this.#feeds.has(feedId))
      throw new FeedError('FEED_ERR_UNKNOWN_FEED', `no feed '${feedId}' in the plan`);
    if (this.#queue === undefined) throw new Error('the feed scheduler is not started');
    await this.#queue.add(FEED_JOB_NAME, { feedId }, this.#jobOptions);
  }

  async status(): Promise<FeedStatus[]> {
    if (this.#queue === undefined || this.#attempt === undefined)
      throw new Error('the feed scheduler is not started');
    const next = await nextJobRuns(this.#queue);
    const feeds = [...this.#feeds.values()];
    return feedStatuses(feeds, this.#attempt.statusStore, (id) => next.get(id) ?? null, this.#clock.now());
  }

  /** Closes the worker first (it finishes a pull in progress), then the queue and its connection. */
  async stop(): Promise<void> {
    await this.#worker?.close();
    await this.#queue?.close();
    this.#worker = undefined;
    this.#queue = undefined;
  }
}
