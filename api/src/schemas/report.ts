import { Type } from '@sinclair/typebox';
import { REPORT_AUDIENCES, REPORT_ERROR_CODES } from '@ssc-monitor/core';
import { EpochMs, ReadonlyList, stringEnum } from './common.js';

const NullableEpochMs = (description: string) => Type.Union([EpochMs(description), Type.Null()]);
const Audience = stringEnum(REPORT_AUDIENCES, { description: 'Who the report is for' });

export const ArchivedReportSchema = Type.Object(
  {
    file: Type.String({ description: 'Archive file name; download it at /api/reports/files/{file}' }),
    reportId: Type.String(),
    title: Type.String(),
    audience: Audience,
    createdAt: EpochMs('When it was rendered'),
    planVersion: Type.Integer({ minimum: 1, description: 'Plan version in force when rendered' }),
    bytes: Type.Integer({ minimum: 0, description: 'Size of the PDF' }),
    trigger: stringEnum(['schedule', 'manual'] as const),
  },
  { description: 'A rendered report kept for download' },
);

const ReportScheduleStatusSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  audience: Audience,
  schedule: Type.String({ description: 'As written in the plan (monthly, a cron pattern …) or "on demand"' }),
  nextRunAt: NullableEpochMs('Next scheduled run'),
  lastRunAt: NullableEpochMs('Latest run'),
  lastError: Type.Union([
    Type.Object({
      code: stringEnum(REPORT_ERROR_CODES, { description: 'Stable code (REPORT_ERR_*)' }),
      message: Type.String(),
      at: EpochMs('When it failed'),
    }),
    Type.Null(),
  ]),
});

export const ReportListingSchema = Type.Object({
  schedules: ReadonlyList(ReportScheduleStatusSchema, {
    description: 'Reports of the plan, and the on-demand one',
  }),
  reports: ReadonlyList(ArchivedReportSchema, { description: 'Archived PDFs, newest first' }),
});
