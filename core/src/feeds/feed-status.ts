import type { FeedErrorCode, FeedProblem } from './feed-errors.js';
import type { Feed, FeedFormat } from './feed.js';
import type { RowError } from './feed-mapping.js';

/** Row errors kept in one history entry; the full counts are in `errorCounts`. */
export const MAX_RUN_ROW_ERRORS = 5;
/** History entries kept per feed, newest first. */
export const MAX_FEED_HISTORY = 20;

/** What one attempt of a pull did. */
export interface FeedRunRecord {
  /** Epoch ms. */
  readonly startedAt: number;
  readonly finishedAt: number;
  /** 1-based attempt of this run; retries of a failed pull count up to `maxAttempts`. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly ok: boolean;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  /** Readings that were new or changed; re-pulling the same rows stores 0. */
  readonly readingsStored: number;
  /** The pull failed as a whole (network, HTTP, payload); null when it succeeded. */
  readonly error: FeedProblem | null;
  /** When another attempt is scheduled after this failed one, epoch ms. */
  readonly retryAt: number | null;
  /** A portal stopped paging before the end of the dataset (see the portal's limits). */
  readonly truncated: boolean;
  readonly rowErrors: readonly RowError[];
  readonly errorCounts: Partial<Record<FeedErrorCode, number>>;
}

/** GET /api/feeds: one entry per feed of the plan. */
export interface FeedStatus {
  readonly id: string;
  /** The feed URL with secret-looking query values replaced by `***`. */
  readonly url: string;
  readonly format: FeedFormat;
  readonly schedule: string;
  /** `never_run` until the first attempt; `failing` while the latest attempt failed. */
  readonly state: 'never_run' | 'ok' | 'failing';
  readonly lastRunAt: number | null;
  readonly lastSuccessAt: number | null;
  /** The most recent failure (kept after a later success); `state` says whether it still fails. */
  readonly lastError: (FeedProblem & { readonly at: number }) | null;
  /** The next scheduled pull or retry, epoch ms; null when none is scheduled. */
  readonly nextRunAt: number | null;
  /** Newest first, at most MAX_FEED_HISTORY entries. */
  readonly history: readonly FeedRunRecord[];
}

/** What the HTTP API needs to answer GET /api/feeds. */
export interface FeedStatusSource {
  feeds(): Promise<FeedStatus[]>;
}

const SECRET_PARAM = /token|key|secret|password|passwd|auth|signature/i;

/** Portal URLs may carry API tokens (`$$app_token`, `apikey`); the status page must not show them. */
export function redactFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username !== '' || parsed.password !== '') [parsed.username, parsed.password] = ['***', ''];
  for (const name of [...parsed.searchParams.keys()])
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, '***');
  return parsed.toString();
}

/** What is kept per feed beyond the bounded history, so a long outage never hides the last success. */
export interface FeedRunSummary {
  readonly lastRunAt: number | null;
  readonly lastSuccessAt: number | null;
  /** The most recent failure, kept after a later success so the page can say what went wrong. */
  readonly lastError: (FeedProblem & { readonly at: number }) | null;
}

export const EMPTY_FEED_RUN_SUMMARY: FeedRunSummary = {
  lastRunAt: null,
  lastSuccessAt: null,
  lastError: null,
};

/** The summary after one more attempt. */
export function summariseRun(summary: FeedRunSummary, run: FeedRunRecord): FeedRunSummary {
  const lastRunAt = Math.max(summary.lastRunAt ?? run.startedAt, run.startedAt);
  if (run.ok)
    return { ...summary, lastRunAt, lastSuccessAt: Math.max(summary.lastSuccessAt ?? 0, run.finishedAt) };
  const error = run.error ?? { code: 'FEED_ERR_NETWORK' as const, message: 'failed without a reason' };
  return { ...summary, lastRunAt, lastError: { ...error, at: run.finishedAt } };
}

/** A feed's status from its summary, its history (newest first) and its next run. */
export function feedStatusOf(
  feed: Feed,
  summary: FeedRunSummary,
  history: readonly FeedRunRecord[],
  nextRunAt: number | null,
): FeedStatus {
  const failing = summary.lastError !== null && summary.lastError.at > (summary.lastSuccessAt ?? -Infinity);
  return {
    id: feed.id,
    url: redactFeedUrl(feed.url),
    format: feed.format,
    schedule: feed.schedule,
    state: summary.lastRunAt === null ? 'never_run' : failing ? 'failing' : 'ok',
    lastRunAt: summary.lastRunAt,
    lastSuccessAt: summary.lastSuccessAt,
    lastError: summary.lastError,
    nextRunAt,
    history: history.slice(0, MAX_FEED_HISTORY),
  };
}
