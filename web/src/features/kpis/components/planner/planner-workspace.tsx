import { useState } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import { ErrorState, LoadingState } from '../../../../components/ui/async-state';
import { Panel } from '../../../../components/ui/panel';
import { fetchPlan } from '../../../../lib/plan/plan-api';
import type { KpiTrend, PlanChange } from '../../../../lib/plan/plan-types';
import { useCan } from '../../../../lib/session/session-context';
import { useApi } from '../../../../lib/use-api';
import { KpiEditFormView } from './kpi-edit-form-view';
import { TrajectoryPanel } from './trajectory-panel';
import './planner.css';

export interface PlannerWorkspaceProps {
  readonly kpi: KpiSnapshot;
  readonly trend: KpiTrend | null;
  /** Called after a new plan version was written, so the page refetches the KPI and its trend. */
  readonly onPlanChanged: () => void;
}

/** Phase 2 at the desk: the KPI's plan drawn over its whole horizon, and the form that changes it. */
export function PlannerWorkspace({ kpi, trend, onPlanChanged }: PlannerWorkspaceProps) {
  const canEdit = useCan('planner');
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState<PlanChange | null | undefined>(undefined);
  const plan = useApi(`planner-plan|${revision}`, fetchPlan);
  const entry = plan.data?.kpis.find((k) => k.id === kpi.id);

  const onSaved = (change: PlanChange | null) => {
    setSaved(change);
    if (change === null) return;
    setRevision((r) => r + 1);
    onPlanChanged();
  };

  return (
    <div className="planner" data-testid="planner-workspace">
      <Panel title="Plan trajectory" label="Plan trajectory chart" className="planner__chart">
        <TrajectoryPanel kpi={kpi} trend={trend} trajectory={entry?.trajectory ?? 'linear'} />
      </Panel>
      {canEdit ? (
        <Panel title="Edit the plan" label="Plan editor" className="planner__edit">
          <p
            className="planner__saved"
            role="status"
            data-testid="save-status"
            data-version={saved?.version ?? ''}
          >
            {saved === undefined
              ? ''
              : saved === null
                ? 'Nothing changed, so nothing was saved.'
                : `Saved as plan version ${saved.version} by ${saved.author}.`}
          </p>
          {plan.data !== undefined && entry !== undefined ? (
            // Keyed by the saved content: once the plan as saved arrives, the form starts again from it
            // (the previous answer is kept while the new one loads, so a revision key would reset too early).
            <KpiEditFormView
              key={`${plan.data.tolerance}|${JSON.stringify(entry)}`}
              plan={plan.data}
              entry={entry}
              unit={kpi.unit}
              onSaved={onSaved}
            />
          ) : plan.error !== undefined ? (
            <ErrorState error={plan.error} retryAt={plan.retryAt} onRetry={plan.reload} />
          ) : (
            <LoadingState what="the plan" />
          )}
        </Panel>
      ) : (
        <Panel title="Edit the plan" label="Plan editor" className="planner__edit">
          <p data-testid="edit-not-allowed">
            Changing the plan needs a planner key; this session can only read it.
          </p>
        </Panel>
      )}
    </div>
  );
}
