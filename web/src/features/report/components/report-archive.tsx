import { useState } from 'react';
import type { ReportScheduleStatus } from '@ssc-monitor/core';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchReports, renderReport, reportDownloadUrl } from '../api/reports-api';

function scheduleText(schedule: string): string {
  if (schedule === 'on demand') return 'On demand';
  if (/^(monthly|weekly|daily)$/i.test(schedule))
    return `${schedule[0]?.toUpperCase() ?? ''}${schedule.slice(1).toLowerCase()}, 06:00 UTC`;
  return /\s/.test(schedule) ? `cron ${schedule} (UTC)` : `every ${schedule}`;
}

function RenderButton({ id, title, onDone }: { id: string; title: string; onDone: () => void }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const run = () => {
    setState({ busy: true });
    renderReport(id).then(
      () => {
        setState({ busy: false });
        onDone();
      },
      (error: unknown) =>
        setState({ busy: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={run}
        disabled={state.busy}
        aria-label={`Render ${title} now`}
        data-testid="report-render"
        data-report-id={id}
      >
        {state.busy ? 'Rendering…' : 'Render now'}
      </button>
      {state.error !== undefined && (
        <p className="warn-text small" role="alert">
          {state.error}
        </p>
      )}
    </>
  );
}

function ScheduleRow({ schedule, onDone }: { schedule: ReportScheduleStatus; onDone: () => void }) {
  return (
    <tr data-testid="report-schedule" data-report-id={schedule.id}>
      <th scope="row">
        {schedule.title}
        <div className="muted small">for the {schedule.audience}</div>
      </th>
      <td>{scheduleText(schedule.schedule)}</td>
      <td data-testid="report-next-run">
        {schedule.nextRunAt === null ? '—' : formatDateTime(schedule.nextRunAt)}
      </td>
      <td>
        {schedule.lastError === null ? (
          schedule.lastRunAt === null ? (
            <span className="muted">not run yet</span>
          ) : (
            `OK, ${formatDateTime(schedule.lastRunAt)}`
          )
        ) : (
          <span className="warn-text">
            <span aria-hidden="true">▲ </span>Failed {formatDateTime(schedule.lastError.at)}:{' '}
            <code>{schedule.lastError.code}</code> {schedule.lastError.message}
          </span>
        )}
      </td>
      <td>
        <RenderButton id={schedule.id} title={schedule.title} onDone={onDone} />
      </td>
    </tr>
  );
}

/**
 * Scheduled reports and the PDFs kept for download. Shown on screen only: the printed report is
 * the sheet below it.
 */
export function ReportArchive() {
  const listing = useApi('reports', fetchReports);
  if (listing.data === undefined)
    return listing.error !== undefined ? (
      <ErrorState error={listing.error} retryAt={listing.retryAt} onRetry={listing.reload} />
    ) : (
      <LoadingState what="the report archive" />
    );
  const { schedules, reports } = listing.data;
  return (
    <section className="report-archive" aria-labelledby="report-archive" data-testid="report-archive">
      <h2 id="report-archive">Scheduled reports and archive</h2>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Report schedules</caption>
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">Schedule</th>
              <th scope="col">Next run</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <ScheduleRow key={s.id} schedule={s} onDone={listing.reload} />
            ))}
          </tbody>
        </table>
      </div>
      {reports.length === 0 ? (
        <p className="muted" data-testid="report-archive-empty">
          No report has been rendered yet.
        </p>
      ) : (
        <ul className="report-archive__files">
          {reports.map((r) => (
            <li key={r.file} data-testid="report-file" data-file={r.file}>
              <a href={reportDownloadUrl(r.file)} download={r.file}>
                {r.title} — {formatDateTime(r.createdAt)}
              </a>{' '}
              <span className="muted small">
                PDF, {formatCount(Math.ceil(r.bytes / 1024))} KB · plan version {r.planVersion} ·{' '}
                {r.trigger === 'schedule' ? 'scheduled' : 'rendered on request'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
