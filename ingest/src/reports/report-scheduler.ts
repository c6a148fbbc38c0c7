import type { ArchivedReport } from '@ssc-monitor/core';
import type { FeedRetryPolicy } from '../feeds/feed-scheduler.js';

/**
 * Runs the plan's reports on their schedules: on BullMQ (Redis) or in process, with the same
 * retries. A manual run (render now) goes through the same job path, once, without retries, so the
 * person who asked sees its outcome.
 */
export interface ReportScheduler {
  start(): Promise<void>;
  /** Renders a report now and resolves with it once archived; rejects with a ReportError. */
  runNow(reportId: string): Promise<ArchivedReport>;
  /** Next scheduled run of each report, epoch ms, by report id. */
  nextRuns(): Promise<ReadonlyMap<string, number>>;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
}

/** 3 attempts: after 1 min and 2 min (a busy machine, a Chromium that failed once). */
export const DEFAULT_REPORT_RETRY_POLICY: FeedRetryPolicy = { attempts: 3, backoffMs: 60_000 };
