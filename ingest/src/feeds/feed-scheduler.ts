import {
  FeedError,
  MAX_RUN_ROW_ERRORS,
  feedStatusOf,
  type Clock,
  type Feed,
  type FeedRunRecord,
  type FeedStatus,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { FeedPuller, FeedRunResult } from './feed-runner.js';
import type { FeedStatusStore } from './feed-status.js';

/**
 * Runs the plan's feeds on their schedules. Implemented by BullMQ (Redis; several processes share
 * the work and the status) and in process (no Redis); both apply the same retry policy and keep
 * the same status.
 */
export interface FeedScheduler {
  /**
   * Schedules every feed. An interval feed is pulled at once and then every interval; a cron feed
   * waits for its next match.
   */
  start(): Promise<void>;
  /** Queues a pull of one feed now, outside its schedule, with the same retries. */
  runNow(feedId: string): Promise<void>;
  /** Status of every feed of the plan, for GET /api/feeds. */
  status(): Promise<FeedStatus[]>;
  /** Stops scheduling, waits for a pull in progress, and releases timers and connections. */
  stop(): Promise<void>;
}

/** Attempts per pull and the exponential backoff between them (BullMQ's formula). */
export interface FeedRetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Wait before the second attempt, ms; it doubles for each further attempt. */
  readonly backoffMs: number;
}

/** 4 attempts: after 30 s, 1 min and 2 min. */
export const DEFAULT_FEED_RETRY_POLICY: FeedRetryPolicy = { attempts: 4, backoffMs: 30_000 };

/** Wait after failed attempt number `attempt` (1-based): backoff, 2 × backoff, 4 × backoff … */
export function retryDelayMs(policy: FeedRetryPolicy, attempt: number): number {
  return Math.round(2 ** (attempt - 1) * policy.backoffMs);
}

export interface FeedAttemptDeps {
  readonly runner: FeedPuller;
  readonly statusStore: FeedStatusStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retry: FeedRetryPolicy;
}

function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FeedError('FEED_ERR_NETWORK', `unexpected failure: ${message}`, { cause: error });
}

function record(
  startedAt: number,
  finishedAt: number,
  attempt: number,
  retry: FeedRetryPolicy,
  outcome: { result: FeedRunResult } | { error: FeedError; retryAt: number | null },
): FeedRunRecord {
  const result = 'result' in outcome ? outcome.result : undefined;
  return {
    startedAt,
    finishedAt,
    attempt,
    maxAttempts: retry.attempts,
    ok: result !== undefined,
    rowsRead: result?.rowsRead ?? 0,
    rowsRejected: result?.rowsRejected ?? 0,
    readingsStored: result?.readingsStored ?? 0,
    error: 'error' in outcome ? outcome.error.toProblem() : null,
    retryAt: 'retryAt' in outcome ? outcome.retryAt : null,
    truncated: result?.truncated ?? false,
    rowErrors: result?.errors.slice(0, MAX_RUN_ROW_ERRORS) ?? [],
    errorCounts: result?.errorCounts ?? {},
  };
}

/**
 * One attempt of a pull, the same under both schedulers: run, record the outcome in the status
 * store, and rethrow a failure as a FeedError whose `retryable` tells whether a retry comes.
 */
export async function attemptFeed(
  deps: FeedAttemptDeps,
  feed: Feed,
  attempt: number,
): Promise<FeedRunRecord> {
  const startedAt = deps.clock.now();
  let outcome: Parameters<typeof record>[4];
  try {
    outcome = { result: await deps.runner.run(feed) };
  } catch (cause) {
    const error = asFeedError(cause);
    const retries = error.retryable && attempt < deps.retry.attempts;
    const finishedAt = deps.clock.now();
    const retryAt = retries ? finishedAt + retryDelayMs(deps.retry, attempt) : null;
    await deps.statusStore.record(
      feed.id,
      record(startedAt, finishedAt, attempt, deps.retry, { error, retryAt }),
    );
    deps.logger.warn(
      { feed: feed.id, attempt, of: deps.retry.attempts, code: error.code, retryAt },
      `feed pull failed: ${error.message}`,
    );
    throw retries ? error : new FeedError(error.code, error.message, { cause: error, retryable: false });
  }
  const run = record(startedAt, deps.clock.now(), attempt, deps.retry, outcome);
  await deps.statusStore.record(feed.id, run);
  return run;
}

/** Status of every feed; the next run is the scheduled one, or a pending retry if sooner. */
export async function feedStatuses(
  feeds: readonly Feed[],
  statusStore: FeedStatusStore,
  scheduledAt: (feedId: string) => number | null,
  now: number,
): Promise<FeedStatus[]> {
  return Promise.all(
    feeds.map(async (feed) => {
      const { summary, history } = await statusStore.read(feed.id);
      const retryAt = history[0]?.retryAt ?? null;
      const scheduled = scheduledAt(feed.id);
      const pendingRetry = retryAt !== null && retryAt >= now - 60_000 ? retryAt : null;
      const candidates = [scheduled, pendingRetry].filter((t): t is number => t !== null);
      return feedStatusOf(feed, summary, history, candidates.length > 0 ? Math.min(...candidates) : null);
    }),
  );
}
