import {
  FeedError,
  SYSTEM_CLOCK,
  parseFeedSchedule,
  type Clock,
  type Feed,
  type FeedStatus,
} from '@ssc-monitor/core';
import {
  Queue,
  UnrecoverableError,
  Worker,
  type ConnectionOptions,
  type Job,
  type JobsOptions,
} from 'bullmq';
import type { Logger } from 'pino';
import { nextJobRuns, openQueue, syncJobSchedulers } from '../scheduling/bullmq-schedules.js';
import type { FeedPuller } from './feed-runner.js';
import {
  DEFAULT_FEED_RETRY_POLICY,
  attemptFeed,
  feedStatuses,
  type FeedAttemptDeps,
  type FeedRetryPolicy,
  type FeedScheduler,
} from './feed-scheduler.js';
import { RedisFeedStatusStore } from './feed-status.js';

export interface BullmqFeedSchedulerDeps {
  readonly feeds: readonly Feed[];
  readonly runner: FeedPuller;
  readonly logger: Logger;
  /** @defaultValue SYSTEM_CLOCK */
  readonly clock?: Clock;
}

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

/** Reconnect delay after `times` failed attempts, ms: BullMQ's advised 1 s to 20 s exponential. */
export const redisRetryDelayMs = (times: number): number => Math.max(Math.min(Math.exp(times), 20_000), 1000);

/**
 * A connection that outlives a Redis restart: reconnect forever with backoff and, for the worker
 * (whose blocking commands must never give up), no per-command retry limit. A client instance the
 * caller built is used as it is.
 */
function resilient(connection: ConnectionOptions, worker: boolean): ConnectionOptions {
  if ('status' in connection) return connection;
  return {
    retryStrategy: redisRetryDelayMs,
    ...(worker ? { maxRetriesPerRequest: null } : {}),
    ...connection,
  };
}

interface FeedJobData {
  readonly feedId: string;
}

const JOB_NAME = 'pull';

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
    this.#options = {
      prefix: 'ssc',
      queueName: 'feeds',
      concurrency: 2,
      retry: DEFAULT_FEED_RETRY_POLICY,
      connectTimeoutMs: 10_000,
      watchdog: DEFAULT_FEED_WATCHDOG,
      ...options,
    };
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
      this.#startWorker();
      await this.#worker?.waitUntilReady();
    } catch (error) {
      await this.stop().catch((cause: unknown) =>
        this.#logger.warn({ err: cause }, 'feed scheduler cleanup failed'),
      );
      throw error;
    }
  }

  async #startQueue(): Promise<void> {
    const { connection, prefix, queueName, connectTimeoutMs } = this.#options;
    const queue = new Queue<FeedJobData>(queueName, { connection: resilient(connection, false), prefix });
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

  #startWorker(): void {
    const { connection, prefix, queueName, concurrency, watchdog } = this.#options;
    const worker = new Worker<FeedJobData>(queueName, (job) => this.#process(job), {
      connection: resilient(connection, true),
      prefix,
      concurrency,
      lockDuration: watchdog.lockDurationMs,
      stalledInterval: watchdog.stalledIntervalMs,
      maxStalledCount: watchdog.maxStalledCount,
    });
    this.#worker = worker;
    // Without an 'error' listener a lost Redis connection would be an unhandled error event.
    worker.on('error', (error) => this.#logger.error({ err: error }, 'feed worker error'));
    worker.on('stalled', (jobId) =>
      this.#logger.warn({ jobId }, 'feed pull stalled (its process died?); it is run again'),
    );
    worker.on('failed', (job, error) => {
      // attemptFeed has logged feed failures already; anything else is unexpected.
      if (!(error instanceof FeedError) && !(error instanceof UnrecoverableError))
        this.#logger.error({ err: error, feed: job?.data.feedId }, 'feed job failed');
    });
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
      entries.push({ id: feed.id, schedule: parsed.schedule, name: JOB_NAME, data, opts: this.#jobOptions });
    }
    await syncJobSchedulers(queue, entries);
  }

  async #process(job: Job<FeedJobData>): Promise<void> {
    const feed = this.#feeds.get(job.data.feedId);
    if (feed === undefined || this.#attempt === undefined)
      throw new UnrecoverableError(`FEED_ERR_UNKNOWN_FEED: no feed '${job.data.feedId}' in the plan`);
    try {
      await attemptFeed(this.#attempt, feed, job.attemptsMade + 1);
    } catch (error) {
      // BullMQ retries anything but an UnrecoverableError; attemptFeed says when retrying is futile.
      if (error instanceof FeedError && !error.retryable)
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }

  async runNow(feedId: string): Promise<void> {
    if (!this.#feeds.has(feedId))
      throw new FeedError('FEED_ERR_UNKNOWN_FEED', `no feed '${feedId}' in the plan`);
    if (this.#queue === undefined) throw new Error('the feed scheduler is not started');
    await this.#queue.add(JOB_NAME, { feedId }, this.#jobOptions);
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
