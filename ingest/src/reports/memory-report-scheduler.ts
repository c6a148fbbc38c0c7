import {
  ON_DEMAND_REPORT,
  ReportError,
  SYSTEM_CLOCK,
  nextScheduledRun,
  parseReportSchedule,
  type ArchivedReport,
  type Clock,
  type ReportSchedule,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { retryDelayMs, type FeedRetryPolicy } from '../feeds/feed-scheduler.js';
import { CancellableWaits, RepeatTimers } from '../scheduling/repeat-timers.js';
import type { ReportJob } from './report-job.js';
import { DEFAULT_REPORT_RETRY_POLICY, type ReportScheduler } from './report-scheduler.js';

export interface ReportSchedulerDeps {
  readonly reports: readonly ReportSchedule[];
  readonly job: ReportJob;
  readonly logger: Logger;
  /** @defaultValue SYSTEM_CLOCK */
  readonly clock?: Clock;
}

/** The plan's report, or the on-demand one; a ReportError for any other id. */
export function findReport(reports: readonly ReportSchedule[], id: string): ReportSchedule {
  const report = id === ON_DEMAND_REPORT.id ? ON_DEMAND_REPORT : reports.find((r) => r.id === id);
  if (report === undefined)
    throw new ReportError('REPORT_ERR_UNKNOWN_REPORT', `no report '${id}' in the plan`);
  return report;
}

/** Reports on in-process timers (no Redis); a run still going when the next is due is not doubled. */
export class MemoryReportScheduler implements ReportScheduler {
  readonly #clock: Clock;
  readonly #timers: RepeatTimers;
  readonly #waits = new CancellableWaits();
  readonly #running = new Map<string, Promise<void>>();
  readonly #retry: FeedRetryPolicy;
  #stopped = true;

  constructor(
    private readonly deps: ReportSchedulerDeps,
    options: { readonly retry?: FeedRetryPolicy } = {},
  ) {
    this.#clock = deps.clock ?? SYSTEM_CLOCK;
    this.#timers = new RepeatTimers(this.#clock);
    this.#retry = options.retry ?? DEFAULT_REPORT_RETRY_POLICY;
  }

  start(): Promise<void> {
    this.#stopped = false;
    const now = this.#clock.now();
    for (const report of this.deps.reports) {
      const parsed = parseReportSchedule(report.schedule);
      if (!parsed.ok) {
        this.deps.logger.error({ report: report.id }, `report not scheduled: ${parsed.reason}`);
        continue;
      }
      const first = nextScheduledRun(parsed.schedule, now);
      this.#timers.plan(report.id, parsed.schedule, first, () => this.#trigger(report));
    }
    return Promise.resolve();
  }

  runNow(reportId: string): Promise<ArchivedReport> {
    if (this.#stopped)
      return Promise.reject(new ReportError('REPORT_ERR_NOT_RUNNING', 'the report scheduler is stopped'));
    try {
      return this.deps.job.run(findReport(this.deps.reports, reportId), 'manual');
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  nextRuns(): Promise<ReadonlyMap<string, number>> {
    const next = new Map<string, number>();
    for (const report of this.deps.reports) {
      const at = this.#timers.next(report.id);
      if (at !== null) next.set(report.id, at);
    }
    return Promise.resolve(next);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timers.clear();
    this.#waits.cancelAll();
    await Promise.allSettled(this.#running.values());
  }

  #trigger(report: ReportSchedule): void {
    if (this.#stopped || this.#running.has(report.id)) return;
    const run = this.#attempts(report).finally(() => this.#running.delete(report.id));
    this.#running.set(report.id, run);
  }

  async #attempts(report: ReportSchedule): Promise<void> {
    const { attempts } = this.#retry;
    for (let attempt = 1; attempt <= attempts && !this.#stopped; attempt += 1) {
      try {
        await this.deps.job.run(report, 'schedule', attempt, attempts);
        return;
      } catch {
        // The job has logged and recorded the failure; wait, then try again.
        if (attempt < attempts) await this.#waits.wait(retryDelayMs(this.#retry, attempt));
      }
    }
  }
}
