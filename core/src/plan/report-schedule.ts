import { Type, type Static } from '@sinclair/typebox';
import { parseFeedSchedule, type FeedScheduleResult } from '../feeds/feed-schedule.js';

export const REPORT_AUDIENCES = ['council', 'public'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

/**
 * A progress report rendered to PDF on a schedule and kept for download:
 *
 * ```yaml
 * reports:
 *   - { id: council-monthly, title: Monthly progress for the council, schedule: monthly, audience: council }
 * ```
 */
export const ReportScheduleSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'Letters, digits, . _ -' }),
    title: Type.String({ minLength: 1 }),
    /** `monthly`, `weekly`, `daily`, a 5-field cron pattern (UTC) or an interval such as `12h`. */
    schedule: Type.String({ minLength: 1 }),
    audience: Type.Union(
      REPORT_AUDIENCES.map((a) => Type.Literal(a)),
      { default: 'council' },
    ),
  },
  { additionalProperties: false },
);

export type ReportSchedule = Static<typeof ReportScheduleSchema>;

/** Named schedules run at 06:00 UTC, before a working day starts in most of Europe and Africa. */
export const NAMED_REPORT_SCHEDULES: Readonly<Record<string, string>> = {
  monthly: '0 6 1 * *',
  weekly: '0 6 * * 1',
  daily: '0 6 * * *',
};

/** The report rendered on demand when the plan schedules none. */
export const ON_DEMAND_REPORT: ReportSchedule = {
  id: 'progress',
  title: 'Progress report',
  schedule: 'on demand',
  audience: 'council',
};

/** A report schedule as a feed schedule (the same timers and BullMQ job schedulers run both). */
export function parseReportSchedule(text: string): FeedScheduleResult {
  const named = NAMED_REPORT_SCHEDULES[text.trim().toLowerCase()];
  const parsed = parseFeedSchedule(named ?? text);
  return parsed.ok
    ? parsed
    : {
        ok: false,
        reason: `schedule '${text}' is not monthly, weekly, daily, a cron pattern or an interval (${parsed.reason})`,
      };
}

/** Rules over a plan's `reports` list the schema cannot say, with paths under /reports. */
export function reportListIssues(
  reports: readonly ReportSchedule[],
): Array<{ readonly path: string; readonly message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>([ON_DEMAND_REPORT.id]);
  reports.forEach((report, i) => {
    if (seen.has(report.id))
      issues.push({
        path: `/reports/${i}/id`,
        message:
          report.id === ON_DEMAND_REPORT.id
            ? `'${report.id}' names the on-demand report; choose another id`
            : `report '${report.id}' is listed twice`,
      });
    seen.add(report.id);
    const schedule = parseReportSchedule(report.schedule);
    if (!schedule.ok) issues.push({ path: `/reports/${i}/schedule`, message: schedule.reason });
  });
  return issues;
}
