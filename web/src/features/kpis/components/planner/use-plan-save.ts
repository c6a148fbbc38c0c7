import { useState } from 'react';
import type { Plan, PlanKpi } from '@ssc-monitor/core';
import { ApiWriteError } from '../../../../lib/api-write';
import { saveAuthor } from '../../../../lib/author';
import {
  fetchPlan,
  freezeBaseline,
  putPlan,
  putPlanKpi,
  unfreezeBaseline,
  type ChangeMeta,
} from '../../../../lib/plan/plan-api';
import type { PlanChange } from '../../../../lib/plan/plan-types';
import { kpiBody, kpiChanged, toleranceOf, type KpiEditForm } from '../../utils/kpi-edit-form';
import { issuesToFieldErrors } from '../../utils/plan-issues';

export interface PlanSave {
  readonly busy: boolean;
  /** Errors from the server, by form field (`form` for those that name no field). */
  readonly serverErrors: Readonly<Record<string, string>>;
  /** The last freeze was refused for too little data; the planner may force it. */
  readonly lowCoverage: boolean;
  readonly save: (form: KpiEditForm, meta: ChangeMeta) => Promise<void>;
  readonly freeze: (force: boolean, meta: ChangeMeta) => Promise<void>;
  readonly unfreeze: (meta: ChangeMeta) => Promise<void>;
  readonly clearServerErrors: () => void;
}

/**
 * Saving the planner's edits: the KPI (baseline, targets) with PUT /api/plan/kpis/:id and, when it
 * changed, the plan's tolerance with a whole-plan PUT of the freshest plan, so that nobody else's
 * change made since the page loaded is overwritten. `onSaved` gets the last version written.
 */
export function usePlanSave(
  plan: Plan,
  entry: PlanKpi,
  onSaved: (change: PlanChange | null) => void,
): PlanSave {
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [lowCoverage, setLowCoverage] = useState(false);
  const kpiIndex = plan.kpis.findIndex((k) => k.id === entry.id);

  async function run(action: () => Promise<PlanChange | null>, meta: ChangeMeta) {
    setBusy(true);
    setServerErrors({});
    saveAuthor(meta.author);
    try {
      onSaved(await action());
      setLowCoverage(false);
    } catch (error) {
      if (error instanceof ApiWriteError && error.apiCode === 'API_ERR_BASELINE_NO_DATA') {
        setLowCoverage(true);
        setServerErrors({ 'baseline.value': error.detail });
      } else if (error instanceof ApiWriteError && error.status === 400) {
        setServerErrors(issuesToFieldErrors(error.detail, kpiIndex));
      } else if (error instanceof ApiWriteError && error.apiCode === 'API_ERR_BASELINE_FROZEN') {
        setServerErrors({ 'baseline.value': error.detail });
      } else {
        setServerErrors({ form: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  const save = (form: KpiEditForm, meta: ChangeMeta) =>
    run(async () => {
      let last: PlanChange | null = null;
      if (kpiChanged(form, entry)) last = await putPlanKpi(entry.id, kpiBody(form, entry), meta);
      const tolerance = toleranceOf(form);
      if (tolerance !== null && tolerance !== plan.tolerance) {
        const fresh = await fetchPlan(new AbortController().signal);
        last = await putPlan({ ...fresh, tolerance }, meta);
      }
      return last;
    }, meta);

  return {
    busy,
    serverErrors,
    lowCoverage,
    save,
    freeze: (force, meta) => run(() => freezeBaseline(entry.id, meta, force), meta),
    unfreeze: (meta) => run(() => unfreezeBaseline(entry.id, meta), meta),
    clearServerErrors: () => setServerErrors({}),
  };
}
