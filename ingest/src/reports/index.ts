export { ReportArchive } from './report-archive.js';
export { ReportJob, type ReportJobDeps, type ReportRunState, type ReportTrigger } from './report-job.js';
export { DEFAULT_REPORT_RETRY_POLICY, type ReportScheduler } from './report-scheduler.js';
export { MemoryReportScheduler, findReport, type ReportSchedulerDeps } from './memory-report-scheduler.js';
export { BullmqReportScheduler, type BullmqReportSchedulerOptions } from './bullmq-report-scheduler.js';
export { createReportScheduler } from './create-report-scheduler.js';
export { ReportService } from './report-service.js';
export { DEFAULT_CHROMIUM_PATH, renderReportPdf, type RenderReportOptions } from './render-report-pdf.js';
