import { useMemo } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import { InitiativeList } from '../../../components/plan/initiative-card';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { Panel } from '../../../components/ui/panel';
import { useKpis } from '../../../lib/data/kpis';
import { effectRequests } from '../../../lib/plan/effect';
import { fetchPlan, fetchPlanHistory } from '../../../lib/plan/plan-api';
import { planInitiatives, planStakeholders } from '../../../lib/plan/plan-types';
import { useMeasurements } from '../../../lib/plan/use-measurements';
import { useApi } from '../../../lib/use-api';
import { BaselineSection } from './baseline-section';
import { MonitoringSection } from './monitoring-section';
import { TargetsSection } from './targets-section';
import './plan.css';

const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** The master plan in the four phases of ITU-T FG-SSC: baseline, targets, action plan, monitoring. */
export function PlanView() {
  const plan = useApi('plan-view', fetchPlan);
  const history = useApi('plan-history', fetchPlanHistory);
  const { kpis } = useKpis();
  const byId = useMemo(() => new Map<string, KpiSnapshot>(kpis.map((k) => [k.id, k])), [kpis]);
  const today = todayIso();
  const initiatives = plan.data === undefined ? [] : planInitiatives(plan.data);
  const stakeholders = plan.data === undefined ? [] : planStakeholders(plan.data);
  const requests = [
    ...(plan.data?.kpis ?? []).map((k) => ({ key: k.id, kpiId: k.id, period: null })),
    ...effectRequests(initiatives, today),
  ];
  const measured = useMeasurements(requests);

  if (plan.data === undefined)
    return plan.error !== undefined ? (
      <ErrorState error={plan.error} retryAt={plan.retryAt} onRetry={plan.reload} />
    ) : (
      <LoadingState what="the master plan" />
    );
  return (
    <article className="plan-view" data-testid="plan-view" data-initiatives={initiatives.length}>
      <header>
        <h1 className="plan-view__title">Master plan of {plan.data.city.name}</h1>
        <p className="muted">
          {plan.data.kpis.length} KPIs · tolerance {Math.round(plan.data.tolerance * 100)} % ·{' '}
          <a href="#/report">Progress report</a>
        </p>
      </header>
      <Panel title="1 · Baseline" label="Baseline" testId="plan-section-baseline">
        <BaselineSection plan={plan.data} kpis={byId} measured={measured} />
      </Panel>
      <Panel title="2 · Targets" label="Targets" testId="plan-section-targets">
        <TargetsSection plan={plan.data} kpis={byId} />
      </Panel>
      <Panel title="3 · Action plan" label="Initiatives" testId="plan-section-initiatives">
        <InitiativeList
          initiatives={initiatives}
          className="plan-initiatives"
          emptyText="No initiatives in the plan yet."
          kpis={byId}
          measured={measured}
          today={today}
        />
        {stakeholders.length > 0 && (
          <p className="plan-stakeholders" data-testid="stakeholders">
            <strong>Stakeholders:</strong>{' '}
            {stakeholders
              .map((s) => `${s.name} (${s.role}${s.organisation === undefined ? '' : `, ${s.organisation}`})`)
              .join(' · ')}
          </p>
        )}
      </Panel>
      <Panel title="4 · Monitoring" label="Monitoring" testId="plan-section-monitoring">
        <MonitoringSection kpis={kpis} history={history.data} />
      </Panel>
    </article>
  );
}
