import type { Horizon, Plan, PlanKpi } from '@ssc-monitor/core';
import type { PlanKpiBody } from '../../../lib/plan/plan-api';

/** A target row as typed: text until it validates, with a stable key so React keeps focus on edits. */
export interface TargetRow {
  readonly key: string;
  readonly horizon: Horizon;
  readonly date: string;
  readonly value: string;
}

export interface KpiEditForm {
  readonly baselineFrom: string;
  readonly baselineTo: string;
  readonly baselineValue: string;
  readonly targets: readonly TargetRow[];
  /** The plan's tolerance as a percentage (0–100), which reads better than a share. */
  readonly tolerancePercent: string;
}

/**
 * Field names: `baseline.from`, `baseline.to`, `baseline.value`, `targets` (the list),
 * `targets.<row>.horizon|date|value`, `tolerance`. Server issues are mapped onto the same names.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export const HORIZONS: readonly Horizon[] = ['short', 'medium', 'long'];

let nextKey = 0;
export const newRowKey = (): string => `row-${(nextKey += 1)}`;

export function formFromPlan(entry: PlanKpi, plan: Pick<Plan, 'tolerance'>): KpiEditForm {
  return {
    baselineFrom: entry.baseline.period.from,
    baselineTo: entry.baseline.period.to,
    baselineValue: String(entry.baseline.value),
    targets: entry.targets.map((t) => ({
      key: newRowKey(),
      horizon: t.horizon,
      date: t.date,
      value: String(t.value),
    })),
    tolerancePercent: String(Math.round(plan.tolerance * 1000) / 10),
  };
}

/** A real calendar date in YYYY-MM-DD (so 2027-02-30 is refused, as the server would). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
}

/** A number as typed: decimal point or comma, nothing else; null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function baselineErrors(form: KpiEditForm, errors: Record<string, string>): void {
  if (!isCalendarDate(form.baselineFrom)) errors['baseline.from'] = 'Enter a date as YYYY-MM-DD.';
  if (!isCalendarDate(form.baselineTo)) errors['baseline.to'] = 'Enter a date as YYYY-MM-DD.';
  else if (isCalendarDate(form.baselineFrom) && form.baselineTo < form.baselineFrom)
    errors['baseline.to'] = 'The baseline period must end on or after its first day.';
  if (parseNumber(form.baselineValue) === null) errors['baseline.value'] = 'Enter a number.';
}

/** Checks the form as the server will, so most mistakes show as they are typed rather than on save. */
export function validateForm(form: KpiEditForm): FieldErrors {
  const errors: Record<string, string> = {};
  baselineErrors(form, errors);
  if (form.targets.length === 0) errors.targets = 'Add at least one target.';
  const baselineEnd = isCalendarDate(form.baselineTo) ? form.baselineTo : null;
  const seen = new Set<string>();
  form.targets.forEach((row, i) => {
    if (!isCalendarDate(row.date)) errors[`targets.${i}.date`] = 'Enter a date as YYYY-MM-DD.';
    else if (baselineEnd !== null && row.date <= baselineEnd)
      errors[`targets.${i}.date`] = `Must be after the baseline period (it ends ${baselineEnd}).`;
    else if (seen.has(row.date)) errors[`targets.${i}.date`] = 'Another target has the same date.';
    seen.add(row.date);
    if (parseNumber(row.value) === null) errors[`targets.${i}.value`] = 'Enter a number.';
  });
  const tolerance = parseNumber(form.tolerancePercent);
  if (tolerance === null || tolerance < 0 || tolerance > 100)
    errors.tolerance = 'Enter a percentage from 0 to 100.';
  return errors;
}

/**
 * The PUT body for the KPI: the plan entry with the form's baseline and targets, rows in form order
 * (so a server issue at targets/N names row N). A frozen baseline is sent exactly as the plan has it,
 * since the server refuses any change to it.
 */
export function kpiBody(form: KpiEditForm, entry: PlanKpi): PlanKpiBody {
  const baseline =
    entry.baseline.frozen !== undefined
      ? entry.baseline
      : {
          ...entry.baseline,
          value: parseNumber(form.baselineValue) ?? entry.baseline.value,
          period: { from: form.baselineFrom, to: form.baselineTo },
        };
  const targets = form.targets.map((row) => ({
    horizon: row.horizon,
    date: row.date,
    value: parseNumber(row.value) ?? Number.NaN,
  }));
  const body: PlanKpiBody = { baseline, targets, trajectory: entry.trajectory };
  return entry.scope === undefined ? body : { ...body, scope: entry.scope };
}

export function kpiChanged(form: KpiEditForm, entry: PlanKpi): boolean {
  const body = kpiBody(form, entry);
  const plain = (targets: PlanKpi['targets']) =>
    JSON.stringify(targets.map((t) => [t.horizon, t.date, t.value]));
  return (
    body.baseline.value !== entry.baseline.value ||
    body.baseline.period.from !== entry.baseline.period.from ||
    body.baseline.period.to !== entry.baseline.period.to ||
    plain(body.targets) !== plain(entry.targets)
  );
}

export function toleranceOf(form: KpiEditForm): number | null {
  const percent = parseNumber(form.tolerancePercent);
  return percent === null ? null : Math.round(percent * 10) / 1000;
}
