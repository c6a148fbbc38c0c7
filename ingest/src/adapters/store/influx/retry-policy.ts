import { HttpError } from '@influxdata/influxdb-client';

/** Backoff between attempts to forward a spooled batch. */
export interface RetryPolicy {
  /** Delay after the first failure, ms. @defaultValue 500 */
  readonly minDelayMs: number;
  /** Longest delay, ms; also caps a server's Retry-After. @defaultValue 30000 */
  readonly maxDelayMs: number;
  /** Growth per failed attempt. @defaultValue 2 */
  readonly factor: number;
  /** Up to this fraction of the delay is added at random, so that restarted clients spread out. @defaultValue 0.2 */
  readonly jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  minDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
});

/**
 * What the forwarder does after a failed attempt.
 * - `retry`: the server is down, overloaded, or not ready for this database or these credentials;
 *   the batch stays at the head of the spool. Auth and not-found answers are retried rather than
 *   dropped, because they come from configuration, not from the data, and dropping would lose it.
 * - `reject`: the server refused the data itself (bad line, too large, outside retention); retrying
 *   cannot help, so the batch is counted, logged and skipped.
 */
export type FailureAction = 'retry' | 'reject';

const RETRY_STATUSES = new Set([401, 403, 404, 408, 425, 429]);

export function failureAction(error: unknown): FailureAction {
  if (!(error instanceof HttpError)) return 'retry';
  if (error.statusCode >= 500 || RETRY_STATUSES.has(error.statusCode)) return 'retry';
  return error.statusCode >= 400 ? 'reject' : 'retry';
}

/**
 * True when no server answered or it said it is unavailable: then the store starts anyway and
 * spools. Any other failure at start-up (bad credentials, a refused statement) is a configuration
 * error and fails the start.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof HttpError)) return true;
  return error.statusCode >= 500 || error.statusCode === 408 || error.statusCode === 429;
}

/**
 * Retry-After in ms: delta-seconds or an HTTP date. The client's HttpError#retryAfter returns the
 * header's number unconverted, so the header is read here.
 */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before attempt `failures + 1`: exponential from minDelayMs, capped, with jitter; a
 * server's Retry-After wins when longer, up to maxDelayMs.
 */
export function retryDelayMs(
  failures: number,
  policy: RetryPolicy,
  error: unknown,
  now: number,
  random: () => number = Math.random,
): number {
  const exponential = policy.minDelayMs * policy.factor ** Math.max(0, failures - 1);
  const base = Math.min(policy.maxDelayMs, exponential);
  const jittered = base + base * policy.jitter * random();
  const header = error instanceof HttpError ? error.headers?.['retry-after'] : undefined;
  const asked = retryAfterMs(header, now);
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, asked ?? 0)));
}
