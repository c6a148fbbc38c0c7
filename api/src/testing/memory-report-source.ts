import {
  ON_DEMAND_REPORT,
  ReportError,
  type ArchivedReport,
  type ReportListing,
  type ReportSource,
} from '@ssc-monitor/core';

/** A minimal PDF header and body, enough for a client to recognise the file type. */
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n% in-memory test report\n%%EOF\n');

/**
 * Reports in memory for API tests: renderNow archives a small PDF-like file at once, or fails
 * with `failWith` to exercise the error mapping. The real job path is tested against Chromium.
 */
export class MemoryReportSource implements ReportSource {
  readonly archived: ArchivedReport[] = [];
  failWith: ReportError | undefined;

  constructor(private readonly now: () => number) {}

  list(): Promise<ReportListing> {
    const schedule = { ...ON_DEMAND_REPORT, nextRunAt: null, lastRunAt: null, lastError: null };
    return Promise.resolve({ schedules: [schedule], reports: [...this.archived].reverse() });
  }

  read(file: string): Promise<{ report: ArchivedReport; bytes: Uint8Array } | undefined> {
    const report = this.archived.find((r) => r.file === file);
    return Promise.resolve(report === undefined ? undefined : { report, bytes: PDF_BYTES });
  }

  renderNow(reportId: string): Promise<ArchivedReport> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    if (reportId !== ON_DEMAND_REPORT.id)
      return Promise.reject(new ReportError('REPORT_ERR_UNKNOWN_REPORT', `no report '${reportId}'`));
    const createdAt = this.now();
    const report: ArchivedReport = {
      file: `${reportId}-${createdAt}.pdf`,
      reportId,
      title: ON_DEMAND_REPORT.title,
      audience: ON_DEMAND_REPORT.audience,
      createdAt,
      planVersion: 1,
      bytes: PDF_BYTES.byteLength,
      trigger: 'manual',
    };
    this.archived.push(report);
    return Promise.resolve(report);
  }
}
