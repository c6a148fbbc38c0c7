import type { PlanKpi } from '@ssc-monitor/core';
import { formatDateTime, formatPercent, formatValue } from '../../../../lib/format';
import type { FieldErrors, KpiEditForm } from '../../utils/kpi-edit-form';
import { FormField } from './form-field';

export interface BaselineFieldsProps {
  readonly form: KpiEditForm;
  readonly entry: PlanKpi;
  readonly unit: string;
  readonly errors: FieldErrors;
  readonly busy: boolean;
  /** Set when the last freeze was refused for low coverage: offers to freeze anyway. */
  readonly lowCoverage: boolean;
  readonly onChange: (patch: Partial<KpiEditForm>) => void;
  readonly onFreeze: (force: boolean) => void;
  readonly onUnfreeze: () => void;
}

/**
 * Baseline period and value, typed in or measured from data and frozen. A frozen baseline is read-only
 * (the server refuses changes to it) until it is unfrozen, which is itself recorded as a plan change.
 */
export function BaselineFields(props: BaselineFieldsProps) {
  const { form, entry, unit, errors, busy } = props;
  const frozen = entry.baseline.frozen;
  return (
    <fieldset className="edit-form__group" data-testid="baseline-fields" data-frozen={frozen !== undefined}>
      <legend>Baseline</legend>
      <div className="edit-form__row">
        <FormField
          field="baseline.from"
          label="Period from"
          type="date"
          value={form.baselineFrom}
          onValue={(baselineFrom) => props.onChange({ baselineFrom })}
          error={errors['baseline.from']}
          readOnly={frozen !== undefined}
        />
        <FormField
          field="baseline.to"
          label="Period to"
          type="date"
          value={form.baselineTo}
          onValue={(baselineTo) => props.onChange({ baselineTo })}
          error={errors['baseline.to']}
          readOnly={frozen !== undefined}
        />
        <FormField
          field="baseline.value"
          label={`Value (${unit})`}
          inputMode="decimal"
          value={form.baselineValue}
          onValue={(baselineValue) => props.onChange({ baselineValue })}
          error={errors['baseline.value']}
          readOnly={frozen !== undefined}
        />
      </div>
      {frozen === undefined ? (
        <p className="edit-form__note">
          <button type="button" className="button" disabled={busy} onClick={() => props.onFreeze(false)}>
            Measure and freeze from data
          </button>{' '}
          {props.lowCoverage && (
            <button
              type="button"
              className="button button--warn"
              disabled={busy}
              onClick={() => props.onFreeze(true)}
            >
              Freeze anyway
            </button>
          )}
          <span className="muted"> Measures the saved baseline period from stored readings.</span>
        </p>
      ) : (
        <p className="edit-form__note" data-testid="frozen-note">
          Frozen at {formatValue(frozen.value, unit)} by {frozen.by} on {formatDateTime(frozen.at)} from{' '}
          {frozen.readings} readings of {frozen.sensors.length} sensors ({formatPercent(frozen.coverage)}{' '}
          coverage).{' '}
          <button type="button" className="button button--quiet" disabled={busy} onClick={props.onUnfreeze}>
            Unfreeze
          </button>
        </p>
      )}
    </fieldset>
  );
}
