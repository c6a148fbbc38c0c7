import { isoTime, toCsv } from '../../../lib/export/csv';
import type { FeedRow } from '../api/data-health-api';

/** Readings the latest pull stored (0 when it failed or found nothing new); null before any pull. */
export function lastStored(feed: FeedRow): number | null {
  return feed.history[0]?.readingsStored ?? null;
}

/** The feed table as a spreadsheet: one row per feed, times in ISO 8601 UTC. */
export function feedsCsv(feeds: readonly FeedRow[]): string {
  return toCsv(
    [
      { header: 'feed', value: (f: FeedRow) => f.id },
      { header: 'state', value: (f) => f.state },
      { header: 'schedule', value: (f) => f.schedule },
      { header: 'last_run', value: (f) => isoTime(f.lastRunAt) },
      { header: 'last_success', value: (f) => isoTime(f.lastSuccessAt) },
      { header: 'rows_read', value: (f) => f.history[0]?.rowsRead ?? null },
      { header: 'readings_stored', value: (f) => lastStored(f) },
      { header: 'last_error_code', value: (f) => f.lastError?.code },
      { header: 'last_error', value: (f) => f.lastError?.message },
      { header: 'next_run', value: (f) => isoTime(f.nextRunAt) },
    ],
    feeds,
  );
}
