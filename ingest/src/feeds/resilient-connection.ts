import type { ConnectionOptions } from 'bullmq';

/** Reconnect delay after `times` failed attempts, ms: BullMQ's advised 1 s to 20 s exponential. */
export const redisRetryDelayMs = (times: number): number => Math.max(Math.min(Math.exp(times), 20_000), 1000);

/**
 * A connection that outlives a Redis restart: reconnect forever with backoff and, for a worker
 * (whose blocking commands must never give up), no per-command retry limit. A client instance the
 * caller built is used as it is.
 */
export function resilientConnection(connection: ConnectionOptions, worker: boolean): ConnectionOptions {
  if ('status' in connection) return connection;
  return {
    retryStrategy: redisRetryDelayMs,
    ...(worker ? { maxRetriesPerRequest: null } : {}),
    ...connection,
  };
}
