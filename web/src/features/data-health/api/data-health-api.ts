import type { FeedStatus, HealthReport } from '@ssc-monitor/core';
import { getJson } from '../../../lib/api-client';
import { isFeedList, isHealthReport } from '../../../lib/domain-guards';

export function fetchHealth(signal: AbortSignal): Promise<HealthReport> {
  return getJson('/health', isHealthReport, { signal });
}

/** One feed as the Data health view reads it (the API sends more: history, URL, format). */
export type FeedRow = Pick<
  FeedStatus,
  'id' | 'schedule' | 'state' | 'lastRunAt' | 'lastSuccessAt' | 'lastError' | 'nextRunAt' | 'history'
>;

export function fetchFeeds(signal: AbortSignal): Promise<FeedRow[]> {
  return getJson('/feeds', isFeedList, { signal }).then((body) => body.feeds);
}
