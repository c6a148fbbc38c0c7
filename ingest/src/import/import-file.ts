import {
  compileFeedMapping,
  mapFeedRows,
  newRowMappingContext,
  parseFileRows,
  type FeedIssue,
  type FeedProblem,
  type RowError,
  type Store,
} from '@ssc-monitor/core';
import { asFeed, type ImportMapping } from './import-mapping.js';

export interface ImportSummary {
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly readings: number;
  readonly sensors: string[];
  /** Device time range of the imported readings, epoch ms. */
  readonly from: number | null;
  readonly to: number | null;
  /** The first row errors, with their line numbers. */
  readonly errors: RowError[];
  readonly errorCounts: Readonly<Record<string, number>>;
}

/**
 * A refused import: mapping issues, or `problem` (with a stable FEED_ERR_* code) when the file as a
 * whole cannot be read (empty, wrong delimiter, unterminated quote, not JSON, …).
 */
export type ImportResult =
  { ok: true; summary: ImportSummary } | { ok: false; issues: FeedIssue[]; problem?: FeedProblem };

export interface ImportDeps {
  readonly store: Store;
  readonly districtOf: (sensorId: string) => string;
  /** Readings per store write. @defaultValue 5000 */
  readonly batchSize?: number;
  /** Called after each written batch with readings written and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly now?: number;
}

/**
 * Loads a historical CSV or JSON file into the store through a mapping. Rows that cannot be read are
 * reported with their line numbers and skipped; the rest is written in batches. Importing the same
 * file again stores nothing new: a point is identified by sensor, quantity and time.
 */
export async function importText(
  text: string,
  name: string,
  mapping: ImportMapping,
  deps: ImportDeps,
): Promise<ImportResult> {
  const feed = asFeed(mapping, name);
  const compiled = compileFeedMapping(feed);
  if (!compiled.ok) return { ok: false, issues: compiled.issues };
  const rows = parseFileRows(text, feed, compiled.mapping);
  if (!rows.ok)
    return {
      ok: false,
      issues: [{ path: '', message: `${rows.problem.code}: ${rows.problem.message}` }],
      problem: rows.problem,
    };
  const batch = mapFeedRows(rows, compiled.mapping, newRowMappingContext(deps.now ?? Date.now()));
  const size = deps.batchSize ?? 5000;
  const readings = batch.readings;
  for (let i = 0; i < readings.length; i += size) {
    const slice = readings.slice(i, i + size).map((r) => ({ ...r, district: deps.districtOf(r.sensorId) }));
    await deps.store.write(slice);
    deps.onProgress?.(Math.min(i + size, readings.length), readings.length);
  }
  const times = readings.map((r) => r.ts);
  return {
    ok: true,
    summary: {
      rowsRead: batch.rowsRead,
      rowsRejected: batch.rowsRejected,
      readings: readings.length,
      sensors: [...new Set(readings.map((r) => r.sensorId))].sort(),
      from: times.length === 0 ? null : times.reduce((a, b) => Math.min(a, b)),
      to: times.length === 0 ? null : times.reduce((a, b) => Math.max(a, b)),
      errors: batch.errors,
      errorCounts: batch.errorCounts,
    },
  };
}
