import {
  ReportError,
  type ArchivedReport,
  type Clock,
  type ReportErrorCode,
  type ReportSchedule,
} from '@ssc-monitor/core';
import { unlink } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { ReportArchive } from './report-archive.js';

export type ReportTrigger = ArchivedReport['trigger'];

/** Last run and last failure of each report, for the schedule listing. */
export interface ReportRunState {
  readonly lastRunAt: number | null;
  readonly lastError: {
    readonly code: ReportErrorCode;
    readonly message: string;
    readonly at: number;
  } | null;
}

export interface ReportJobDeps {
  readonly archive: ReportArchive;
  /** Prints the report page to `out` (headless Chromium in production). */
  readonly render: (out: string) => Promise<void>;
  /** The plan version in force, recorded with each report. */
  readonly planVersion: () => number;
  readonly clock: Clock;
  readonly logger: Logger;
}

function asReportError(error: unknown): ReportError {
  if (error instanceof ReportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ReportError('REPORT_ERR_STORAGE', `the report could not be kept: ${message}`, { cause: error });
}

/**
 * One run of a report, the same under both schedulers: render to a scratch file, keep it in the
 * archive with its metadata, and record the outcome. A failure is logged, recorded and rethrown as
 * a ReportError, so the scheduler can retry it; the platform itself carries on.
 */
export class ReportJob {
  readonly #runs = new Map<string, ReportRunState>();

  constructor(private readonly deps: ReportJobDeps) {}

  state(reportId: string): ReportRunState {
    return this.#runs.get(reportId) ?? { lastRunAt: null, lastError: null };
  }

  async run(report: ReportSchedule, trigger: ReportTrigger, attempt = 1, of = 1): Promise<ArchivedReport> {
    const { archive, clock, logger } = this.deps;
    const createdAt = clock.now();
    const scratch = await archive.scratchPath(report.id, createdAt);
    try {
      await this.deps.render(scratch);
      const kept = await archive.keep(scratch, {
        reportId: report.id,
        title: report.title,
        audience: report.audience,
        createdAt,
        planVersion: this.deps.planVersion(),
        trigger,
      });
      this.#runs.set(report.id, { lastRunAt: createdAt, lastError: null });
      logger.info({ report: report.id, file: kept.file, bytes: kept.bytes, trigger }, 'report rendered');
      return kept;
    } catch (cause) {
      const error = asReportError(cause);
      const at = clock.now();
      this.#runs.set(report.id, {
        lastRunAt: at,
        lastError: { code: error.code, message: error.message, at },
      });
      logger.warn(
        { report: report.id, code: error.code, attempt, of, trigger },
        `report failed: ${error.message}`,
      );
      await unlink(scratch).catch(() => undefined);
      throw error;
    }
  }
}
