import type { ArchivedReport, ReportListing, ReportScheduleStatus } from '@ssc-monitor/core';
import { API_BASE } from '../../../config/app-config';
import { getJson } from '../../../lib/api-client';
import { sendJson } from '../../../lib/api-write';
import { isArrayOf, isNullableNumber, isNumber, isRecord, isString } from '../../../lib/guards';

function isArchivedReport(value: unknown): value is ArchivedReport {
  return (
    isRecord(value) &&
    isString(value.file) &&
    isString(value.title) &&
    isNumber(value.createdAt) &&
    isNumber(value.planVersion) &&
    isNumber(value.bytes)
  );
}

function isScheduleStatus(value: unknown): value is ReportScheduleStatus {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isString(value.schedule) &&
    isNullableNumber(value.nextRunAt) &&
    isNullableNumber(value.lastRunAt) &&
    (value.lastError === null || (isRecord(value.lastError) && isString(value.lastError.code)))
  );
}

function isReportListing(value: unknown): value is ReportListing {
  return (
    isRecord(value) &&
    isArrayOf(value.schedules, isScheduleStatus) &&
    isArrayOf(value.reports, isArchivedReport)
  );
}

export function fetchReports(signal: AbortSignal): Promise<ReportListing> {
  return getJson('/reports', isReportListing, { signal });
}

/** Renders a report now; resolves when the PDF is archived (a few seconds). */
export function renderReport(reportId: string): Promise<ArchivedReport> {
  return sendJson('POST', `/reports/${encodeURIComponent(reportId)}/render`, undefined, isArchivedReport);
}

export function reportDownloadUrl(file: string): string {
  return `${API_BASE}/reports/files/${encodeURIComponent(file)}`;
}
