import type { ReportAudience } from '../plan/report-schedule.js';

/** A rendered report kept under DATA_DIR/reports. */
export interface ArchivedReport {
  /** File name in the archive, e.g. `council-monthly-2026-12-01T0600Z.pdf`; the download id. */
  readonly file: string;
  readonly reportId: string;
  readonly title: string;
  readonly audience: ReportAudience;
  /** When it was rendered, epoch ms. */
  readonly createdAt: number;
  /** The plan version in force when it was rendered. */
  readonly planVersion: number;
  readonly bytes: number;
  readonly trigger: 'schedule' | 'manual';
}

/** A report the plan schedules (or the on-demand one), with its next and last runs. */
export interface ReportScheduleStatus {
  readonly id: string;
  readonly title: string;
  readonly audience: ReportAudience;
  /** As written in the plan (`monthly`, a cron pattern …), or `on demand`. */
  readonly schedule: string;
  /** Epoch ms; null when nothing is scheduled. */
  readonly nextRunAt: number | null;
  readonly lastRunAt: number | null;
  /** The latest failed run, kept until a run succeeds. */
  readonly lastError: {
    readonly code: ReportErrorCode;
    readonly message: string;
    readonly at: number;
  } | null;
}

export interface ReportListing {
  readonly schedules: readonly ReportScheduleStatus[];
  /** Newest first. */
  readonly reports: readonly ArchivedReport[];
}

/** What the HTTP API needs for /api/reports. */
export interface ReportSource {
  list(): Promise<ReportListing>;
  /** The PDF and its metadata; undefined when no such file is archived. */
  read(file: string): Promise<{ readonly report: ArchivedReport; readonly bytes: Uint8Array } | undefined>;
  /** Renders a report now (through the job scheduler) and resolves when it is archived. */
  renderNow(reportId: string): Promise<ArchivedReport>;
}

export const REPORT_ERROR_CODES = [
  /** No report with that id in the plan. */
  'REPORT_ERR_UNKNOWN_REPORT',
  /** Headless Chromium could not be started (not installed, wrong path). */
  'REPORT_ERR_CHROMIUM',
  /** The report page did not become ready, or printing failed. */
  'REPORT_ERR_RENDER',
  /** The PDF could not be written to the archive. */
  'REPORT_ERR_STORAGE',
  /** The scheduler is stopped or not started. */
  'REPORT_ERR_NOT_RUNNING',
] as const;

export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

export class ReportError extends Error {
  override readonly name = 'ReportError';

  constructor(
    readonly code: ReportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
