import type { Plan, Target } from '@ssc-monitor/core';
import { isArrayOf, isNullableNumber, isNumber, isRecord, isString } from '../guards';

/*
 * Initiatives (phase 3) and stakeholders are being added to the plan model. They are read here through
 * guards rather than the core type, so the screens work with plans that have them and plans that do not.
 */

export interface Initiative {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly budget?: { readonly amount: number; readonly currency: string };
  /** Calendar dates, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  /** Plan KPI ids the initiative should move. */
  readonly kpis: readonly string[];
  readonly description?: string;
}

export interface Stakeholder {
  readonly name: string;
  readonly role: string;
  readonly organisation?: string;
}

/** One version of the plan: who changed it, when, why. */
export interface PlanChange {
  readonly version: number;
  readonly author: string;
  /** Epoch ms. */
  readonly at: number;
  readonly note: string;
}

/** The trend of a rolling-window KPI projected to its next target, as GET /api/kpis/:id answers it. */
export interface KpiTrend {
  readonly slopePerYear: number;
  readonly projected: number;
  readonly target: Target;
  readonly meetsTarget: boolean;
  readonly missByPercent: number | null;
  readonly verdict: string;
}

const isBudget = (value: unknown): boolean =>
  value === undefined || (isRecord(value) && isNumber(value.amount) && isString(value.currency));

export function isInitiative(value: unknown): value is Initiative {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.owner) &&
    isString(value.start) &&
    isString(value.end) &&
    isArrayOf(value.kpis, isString) &&
    isBudget(value.budget)
  );
}

export function isStakeholder(value: unknown): value is Stakeholder {
  return isRecord(value) && isString(value.name) && isString(value.role);
}

export function isPlanChange(value: unknown): value is PlanChange {
  return (
    isRecord(value) &&
    isNumber(value.version) &&
    isString(value.author) &&
    isNumber(value.at) &&
    isString(value.note)
  );
}

export function isKpiTrend(value: unknown): value is KpiTrend {
  return (
    isRecord(value) &&
    isNumber(value.slopePerYear) &&
    isNumber(value.projected) &&
    isRecord(value.target) &&
    isString(value.target.date) &&
    isNumber(value.target.value) &&
    typeof value.meetsTarget === 'boolean' &&
    isNullableNumber(value.missByPercent) &&
    isString(value.verdict)
  );
}

/** The plan's initiatives that are well formed; none when the plan predates them. */
export function planInitiatives(plan: Plan): Initiative[] {
  const list: unknown = (plan as Record<string, unknown>).initiatives;
  return Array.isArray(list) ? list.filter(isInitiative) : [];
}

export function planStakeholders(plan: Plan): Stakeholder[] {
  const list: unknown = (plan as Record<string, unknown>).stakeholders;
  return Array.isArray(list) ? list.filter(isStakeholder) : [];
}
