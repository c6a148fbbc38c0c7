import {
  ON_DEMAND_REPORT,
  type ArchivedReport,
  type ReportListing,
  type ReportSchedule,
  type ReportSource,
} from '@ssc-monitor/core';
import type { ReportArchive } from './report-archive.js';
import type { ReportJob } from './report-job.js';
import type { ReportScheduler } from './report-scheduler.js';

/** /api/reports over the archive, the job's run log and the scheduler's next runs. */
export class ReportService implements ReportSource {
  constructor(
    private readonly parts: {
      readonly reports: readonly ReportSchedule[];
      readonly archive: ReportArchive;
      readonly job: ReportJob;
      readonly scheduler: ReportScheduler;
    },
  ) {}

  async list(): Promise<ReportListing> {
    const { reports, archive, job, scheduler } = this.parts;
    const next = await scheduler.nextRuns();
    const schedules = [...reports, ON_DEMAND_REPORT].map((report) => ({
      ...report,
      nextRunAt: next.get(report.id) ?? null,
      ...job.state(report.id),
    }));
    return { schedules, reports: await archive.list() };
  }

  read(file: string): Promise<{ report: ArchivedReport; bytes: Uint8Array } | undefined> {
    return this.parts.archive.read(file);
  }

  renderNow(reportId: string): Promise<ArchivedReport> {
    return this.parts.scheduler.runNow(reportId);
  }
}
