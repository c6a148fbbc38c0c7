import type { Horizon } from '@ssc-monitor/core';
import { HORIZONS, newRowKey, type FieldErrors, type TargetRow } from '../../utils/kpi-edit-form';
import { FieldError, FormField, fieldId } from './form-field';

const HORIZON_LABELS: Readonly<Record<Horizon, string>> = {
  short: 'Short term',
  medium: 'Medium term',
  long: 'Long term',
};

export interface TargetRowsProps {
  readonly rows: readonly TargetRow[];
  readonly unit: string;
  readonly errors: FieldErrors;
  readonly onChange: (rows: TargetRow[]) => void;
}

/** Targets as editable rows: horizon, due date, value; rows can be added and removed. */
export function TargetRows({ rows, unit, errors, onChange }: TargetRowsProps) {
  const update = (index: number, patch: Partial<TargetRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () => {
    const last = rows.at(-1);
    const year = last === undefined ? new Date().getUTCFullYear() + 5 : Number(last.date.slice(0, 4)) + 5;
    onChange([
      ...rows,
      { key: newRowKey(), horizon: 'long', date: `${year}-12-31`, value: last?.value ?? '' },
    ]);
  };
  return (
    <fieldset className="edit-form__group" data-testid="targets-fields">
      <legend>Targets</legend>
      <table className="table edit-form__targets">
        <thead>
          <tr>
            <th scope="col">Horizon</th>
            <th scope="col">Due</th>
            <th scope="col">Value ({unit})</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.key} data-testid="target-row" data-row={i}>
              <td>
                <label htmlFor={fieldId(`targets.${i}.horizon`)} className="visually-hidden">
                  Horizon of target {i + 1}
                </label>
                <select
                  id={fieldId(`targets.${i}.horizon`)}
                  name={`targets.${i}.horizon`}
                  className="form-field__input"
                  value={row.horizon}
                  onChange={(event) => update(i, { horizon: toHorizon(event.target.value) })}
                >
                  {HORIZONS.map((h) => (
                    <option key={h} value={h}>
                      {HORIZON_LABELS[h]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <FormField
                  field={`targets.${i}.date`}
                  label={`Due date of target ${i + 1}`}
                  hideLabel
                  type="date"
                  value={row.date}
                  onValue={(date) => update(i, { date })}
                  error={errors[`targets.${i}.date`]}
                />
              </td>
              <td>
                <FormField
                  field={`targets.${i}.value`}
                  label={`Value of target ${i + 1} (${unit})`}
                  hideLabel
                  inputMode="decimal"
                  value={row.value}
                  onValue={(value) => update(i, { value })}
                  error={errors[`targets.${i}.value`]}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  aria-label={`Remove target ${i + 1}`}
                  data-testid="remove-target"
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.targets !== undefined && <FieldError field="targets" message={errors.targets} />}
      <button type="button" className="button" onClick={add} data-testid="add-target">
        Add target
      </button>
    </fieldset>
  );
}

const toHorizon = (value: string): Horizon => HORIZONS.find((h) => h === value) ?? 'long';
