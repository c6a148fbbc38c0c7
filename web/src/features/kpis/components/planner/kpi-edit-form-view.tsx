import { useState, type FormEvent } from 'react';
import type { Plan, PlanKpi } from '@ssc-monitor/core';
import { loadAuthor } from '../../../../lib/author';
import type { PlanChange } from '../../../../lib/plan/plan-types';
import { formFromPlan, validateForm, type KpiEditForm } from '../../utils/kpi-edit-form';
import { BaselineFields } from './baseline-fields';
import { FieldError, FormField, fieldId } from './form-field';
import { TargetRows } from './target-rows';
import { usePlanSave } from './use-plan-save';

export interface KpiEditFormViewProps {
  readonly plan: Plan;
  readonly entry: PlanKpi;
  readonly unit: string;
  readonly onSaved: (change: PlanChange | null) => void;
}

/**
 * The planner's form for one KPI. Client checks run as the planner types (errors show on fields already
 * edited, and on all of them once saving is tried); the server's issues then land on the fields they name.
 */
export function KpiEditFormView({ plan, entry, unit, onSaved }: KpiEditFormViewProps) {
  const [form, setForm] = useState<KpiEditForm>(() => formFromPlan(entry, plan));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [author, setAuthor] = useState(loadAuthor);
  const [note, setNote] = useState('');
  const saving = usePlanSave(plan, entry, onSaved);
  const local = validateForm(form);
  const visible = Object.fromEntries(
    Object.entries(local).filter(([field]) => showAll || touched.has(field) || touched.has(rowOf(field))),
  );
  const errors = { ...saving.serverErrors, ...visible };
  const meta = { author, note };

  const change = (patch: Partial<KpiEditForm>, fields: readonly string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched((t) => new Set([...t, ...fields]));
    saving.clearServerErrors();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowAll(true);
    const first = Object.keys(local)[0];
    if (first !== undefined) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    void saving.save(form, meta);
  };

  return (
    <form
      className="edit-form"
      onSubmit={submit}
      noValidate
      data-testid="kpi-edit-form"
      aria-label="Edit plan"
    >
      <BaselineFields
        form={form}
        entry={entry}
        unit={unit}
        errors={errors}
        busy={saving.busy}
        lowCoverage={saving.lowCoverage}
        onChange={(patch) => change(patch, Object.keys(patch).map(baselineField))}
        onFreeze={(force) => void saving.freeze(force, meta)}
        onUnfreeze={() => void saving.unfreeze(meta)}
      />
      <TargetRows
        rows={form.targets}
        unit={unit}
        errors={errors}
        onChange={(targets) => change({ targets }, ['targets', ...targets.map((_, i) => `targets.${i}`)])}
      />
      <fieldset className="edit-form__group">
        <legend>Plan and change</legend>
        <div className="edit-form__row">
          <FormField
            field="tolerance"
            label="Plan tolerance (%)"
            inputMode="decimal"
            value={form.tolerancePercent}
            onValue={(tolerancePercent) => change({ tolerancePercent }, ['tolerance'])}
            error={errors.tolerance}
            hint="Applies to every KPI: how far behind the expected path is still “at risk”."
          />
          <FormField
            field="author"
            label="Your name"
            value={author}
            onValue={setAuthor}
            error={undefined}
            autoComplete="name"
            hint="Recorded in the plan history; remembered on this browser."
          />
          <FormField field="note" label="Why (optional)" value={note} onValue={setNote} error={undefined} />
        </div>
      </fieldset>
      {errors.form !== undefined && <FieldError field="form" message={errors.form} />}
      <div className="edit-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving.busy}
          data-testid="save-plan"
        >
          {saving.busy ? 'Saving…' : 'Save as new plan version'}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={saving.busy}
          onClick={() => {
            setForm(formFromPlan(entry, plan));
            setTouched(new Set());
            setShowAll(false);
            saving.clearServerErrors();
          }}
        >
          Reset
        </button>
      </div>
    </form>
  );
}

/** `targets.2.date` is shown once row 2 has been edited at all. */
const rowOf = (field: string): string => field.split('.').slice(0, 2).join('.');

const baselineField = (key: string): string =>
  key === 'baselineFrom' ? 'baseline.from' : key === 'baselineTo' ? 'baseline.to' : 'baseline.value';
