import { useMemo } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import { InitiativeList } from '../../../components/plan/initiative-card';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { useKpis } from '../../../lib/data/kpis';
import { formatPlanDate } from '../../../lib/format';
import { STATUS_META, STATUS_ORDER } from '../../../lib/kpi-status';
import { effectRequests } from '../../../lib/plan/effect';
import { fetchKpiDetailWithTrend, fetchPlan } from '../../../lib/plan/plan-api';
import { planInitiatives, type KpiTrend } from '../../../lib/plan/plan-types';
import { useMeasurements } from '../../../lib/plan/use-measurements';
import { useApi } from '../../../lib/use-api';
import { ReportArchive } from './report-archive';
import { ReportKpiBlock } from './report-kpi-block';
import './report.css';

/** Trends of every KPI; a KPI whose detail fails simply has no verdict in the report. */
function useTrends(ids: readonly string[]) {
  return useApi(`report-trends|${ids.join(',')}`, async (signal) => {
    const details = await Promise.all(
      ids.map((id) =>
        fetchKpiDetailWithTrend(id, signal)
          .then((d) => d.trend)
          .catch(() => null),
      ),
    );
    return new Map<string, KpiTrend | null>(ids.map((id, i) => [id, details[i] ?? null]));
  });
}

/**
 * The progress report for a council meeting or the public: a summary, one block per KPI and the
 * initiatives. Laid out for A4 (see report.css); `data-report-ready` turns true once every number and
 * verdict is in, which the PDF script waits for along with the charts.
 */
export function ReportView() {
  const plan = useApi('report-plan', fetchPlan);
  const { kpis, loaded } = useKpis();
  const ids = useMemo(() => (plan.data?.kpis ?? []).map((k) => k.id), [plan.data]);
  const trends = useTrends(ids);
  const today = new Date().toISOString().slice(0, 10);
  // One "now" per day for all charts, so live updates do not redraw every chart.
  const now = Date.parse(`${today}T00:00:00Z`);
  const initiatives = plan.data === undefined ? [] : planInitiatives(plan.data);
  const requests = effectRequests(initiatives, today);
  const measured = useMeasurements(requests);
  const byId = useMemo(() => new Map<string, KpiSnapshot>(kpis.map((k) => [k.id, k])), [kpis]);

  if (plan.data === undefined)
    return plan.error !== undefined ? (
      <ErrorState error={plan.error} retryAt={plan.retryAt} onRetry={plan.reload} />
    ) : (
      <LoadingState what="the report" />
    );
  const planKpis = plan.data.kpis.flatMap((entry) => {
    const kpi = byId.get(entry.id);
    return kpi === undefined ? [] : [{ kpi, trajectory: entry.trajectory }];
  });
  const ready = loaded && trends.data !== undefined && measured.size >= requests.length;
  return (
    <article className="report" data-testid="report" data-report-ready={ready} data-kpis={planKpis.length}>
      <header className="report__header">
        <p className="report__kicker">Smart sustainable city master plan · progress report</p>
        <h1 className="report__city">{plan.data.city.name}</h1>
        <p className="report__date" data-testid="report-date" data-date={today}>
          As of {formatPlanDate(today)}
        </p>
        <button type="button" className="button report__print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </header>
      <ReportArchive />
      <section className="report-section" aria-labelledby="report-summary">
        <h2 id="report-summary">Summary</h2>
        <ul className="report-summary" data-testid="report-summary">
          {STATUS_ORDER.map((status) => {
            const count = planKpis.filter((p) => p.kpi.status === status).length;
            return (
              <li key={status} data-status={status} data-count={count}>
                <span className="report-summary__count">{count}</span>{' '}
                <span className={`report-status report-status--${status}`}>{STATUS_META[status].label}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="report-section" aria-labelledby="report-kpis">
        <h2 id="report-kpis">Indicators</h2>
        <div className="report-kpis">
          {planKpis.map(({ kpi, trajectory }) => (
            <ReportKpiBlock
              key={kpi.id}
              kpi={kpi}
              trend={trends.data?.get(kpi.id) ?? null}
              trajectory={trajectory}
              now={now}
            />
          ))}
        </div>
      </section>
      <section className="report-section report-section--initiatives" aria-labelledby="report-initiatives">
        <h2 id="report-initiatives">Initiatives</h2>
        <InitiativeList
          initiatives={initiatives}
          className="report-initiatives"
          emptyText="The plan lists no initiatives yet."
          kpis={byId}
          measured={measured}
          today={today}
        />
      </section>
    </article>
  );
}
