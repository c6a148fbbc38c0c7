import { ReportError, parseReportSchedule, type ArchivedReport } from '@ssc-monitor/core';
import { Queue, QueueEvents, Worker, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import type { FeedRetryPolicy } from '../feeds/feed-scheduler.js';
import {
  nextJobRuns,
  openQueue,
  syncJobSchedulers,
  type ScheduledEntry,
} from '../scheduling/bullmq-schedules.js';
import { findReport, type ReportSchedulerDeps } from './memory-report-scheduler.js';
import type { ReportTrigger } from './report-job.js';
import { DEFAULT_REPORT_RETRY_POLICY, type ReportScheduler } from './report-scheduler.js';

export interface BullmqReportSchedulerOptions {
  readonly connection: ConnectionOptions;
  /** @defaultValue 'ssc' */
  readonly prefix?: string;
  /** @defaultValue 'reports' */
  readonly queueName?: string;
  /** @defaultValue DEFAULT_REPORT_RETRY_POLICY */
  readonly retry?: FeedRetryPolicy;
  /** Longest wait for a manual run, ms. @defaultValue 180000 */
  readonly runNowTimeoutMs?: number;
  /** @defaultValue 10000 */
  readonly connectTimeoutMs?: number;
}

interface ReportJobData {
  readonly reportId: string;
  readonly trigger: ReportTrigger;
}

const JOB_NAME = 'render';

/**
 * Reports on BullMQ: a job scheduler per report (cron in UTC, or an interval), one worker at a time
 * (a headless browser is heavy), retries with exponential backoff. A manual run is a one-off job
 * whose outcome the caller waits for through QueueEvents.
 */
export class BullmqReportScheduler implements ReportScheduler {
  readonly #options: Required<BullmqReportSchedulerOptions>;
  #queue: Queue<ReportJobData> | undefined;
  #worker: Worker<ReportJobData, ArchivedReport> | undefined;
  #events: QueueEvents | undefined;

  constructor(
    private readonly deps: ReportSchedulerDeps,
    options: BullmqReportSchedulerOptions,
  ) {
    this.#options = {
      prefix: 'ssc',
      queueName: 'reports',
      retry: DEFAULT_REPORT_RETRY_POLICY,
      runNowTimeoutMs: 180_000,
      connectTimeoutMs: 10_000,
      ...options,
    };
  }

  async start(): Promise<void> {
    const { connection, prefix, queueName, connectTimeoutMs } = this.#options;
    try {
      this.#queue = new Queue<ReportJobData>(queueName, { connection, prefix });
      await openQueue(this.#queue, this.deps.logger, 'report', connectTimeoutMs);
      this.#events = new QueueEvents(queueName, { connection, prefix });
      this.#events.on('error', (error) => this.deps.logger.error({ err: error }, 'report events error'));
      await syncJobSchedulers(this.#queue, this.#entries());
      this.#worker = new Worker<ReportJobData, ArchivedReport>(queueName, (job) => this.#process(job), {
        connection,
        prefix,
        concurrency: 1,
      });
      this.#worker.on('error', (error) => this.deps.logger.error({ err: error }, 'report worker error'));
      await Promise.all([this.#worker.waitUntilReady(), this.#events.waitUntilReady()]);
    } catch (error) {
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  #entries(): Array<ScheduledEntry<ReportJobData>> {
    const { attempts, backoffMs } = this.#options.retry;
    const opts: JobsOptions = {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { count: 50 },
      removeOnFail: { count: 200 },
    };
    const entries: Array<ScheduledEntry<ReportJobData>> = [];
    for (const report of this.deps.reports) {
      const parsed = parseReportSchedule(report.schedule);
      if (!parsed.ok) {
        this.deps.logger.error({ report: report.id }, `report not scheduled: ${parsed.reason}`);
        continue;
      }
      const data = { reportId: report.id, trigger: 'schedule' as const };
      entries.push({ id: report.id, schedule: parsed.schedule, name: JOB_NAME, data, opts });
    }
    return entries;
  }

  #process(job: Job<ReportJobData>): Promise<ArchivedReport> {
    const report = findReport(this.deps.reports, job.data.reportId);
    const of = job.opts.attempts ?? 1;
    return this.deps.job.run(report, job.data.trigger, job.attemptsMade + 1, of);
  }

  async runNow(reportId: string): Promise<ArchivedReport> {
    const report = findReport(this.deps.reports, reportId);
    if (this.#queue === undefined || this.#events === undefined)
      throw new ReportError('REPORT_ERR_NOT_RUNNING', 'the report scheduler is not started');
    const job = await this.#queue.add(JOB_NAME, { reportId: report.id, trigger: 'manual' }, { attempts: 1 });
    try {
      return (await job.waitUntilFinished(this.#events, this.#options.runNowTimeoutMs)) as ArchivedReport;
    } catch (cause) {
      // The job recorded its failure with a code when it ran in this process.
      const failed = this.deps.job.state(report.id).lastError;
      if (failed !== null) throw new ReportError(failed.code, failed.message, { cause });
      throw new ReportError('REPORT_ERR_RENDER', 'the report job failed or timed out', { cause });
    }
  }

  async nextRuns(): Promise<ReadonlyMap<string, number>> {
    return this.#queue === undefined ? new Map() : nextJobRuns(this.#queue);
  }

  async stop(): Promise<void> {
    await this.#worker?.close();
    await this.#events?.close();
    await this.#queue?.close();
    this.#worker = undefined;
    this.#events = undefined;
    this.#queue = undefined;
  }
}
