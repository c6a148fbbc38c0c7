import type { KpiDefinition, KpiSnapshot, Measurement, Plan, PlanKpi } from '@ssc-monitor/core';
import { getJson } from '../api-client';
import { sendJson } from '../api-write';
import { isKpiDefinition, isKpiSnapshot, isMeasurement, isPlan } from '../domain-guards';
import { isArrayOf, isRecord } from '../guards';
import { isKpiTrend, isPlanChange, type KpiTrend, type PlanChange } from './plan-types';

export type KpiMeasurement = Measurement & { readonly kpiId: string };

/** GET /api/kpis/:id: the snapshot, its definition and, for rolling-window KPIs with data, the trend. */
export interface KpiDetailWithTrend {
  readonly kpi: KpiSnapshot;
  readonly definition: KpiDefinition;
  readonly trend: KpiTrend | null;
}

const isDetail = (value: unknown): value is KpiDetailWithTrend =>
  isRecord(value) &&
  isKpiSnapshot(value.kpi) &&
  isKpiDefinition(value.definition) &&
  // Absent on platforms older than the trend: read as "no trend" rather than a broken page.
  (value.trend === undefined || value.trend === null || isKpiTrend(value.trend));

const isHistory = (value: unknown): value is { versions: PlanChange[] } =>
  isRecord(value) && isArrayOf(value.versions, isPlanChange);

const kpiPath = (id: string) => `/kpis/${encodeURIComponent(id)}`;

export async function fetchKpiDetailWithTrend(id: string, signal: AbortSignal): Promise<KpiDetailWithTrend> {
  const detail = await getJson(kpiPath(id), isDetail, { signal });
  return { ...detail, trend: detail.trend ?? null };
}

export const fetchPlan = (signal: AbortSignal): Promise<Plan> => getJson('/plan', isPlan, { signal });

export async function fetchPlanHistory(signal: AbortSignal): Promise<PlanChange[]> {
  return (await getJson('/plan/history', isHistory, { signal })).versions;
}

/** The KPI measured from stored data over local calendar dates (its baseline period when none is given). */
export function fetchMeasurement(
  id: string,
  period: { readonly from: string; readonly to: string } | null,
  signal: AbortSignal,
): Promise<KpiMeasurement> {
  const query = period === null ? {} : { from: period.from, to: period.to };
  return getJson(`${kpiPath(id)}/measure`, isMeasurement, { signal, query });
}

/** Who makes a change and why, recorded in the plan history. */
export interface ChangeMeta {
  readonly author: string;
  readonly note?: string;
}

function changeHeaders(meta: ChangeMeta): Record<string, string> {
  const headers: Record<string, string> = {};
  if (meta.author.trim() !== '') headers['x-author'] = meta.author.trim();
  if (meta.note !== undefined && meta.note.trim() !== '') headers['x-change-note'] = meta.note.trim();
  return headers;
}

export type PlanKpiBody = Omit<PlanKpi, 'id'>;

export function putPlanKpi(id: string, body: PlanKpiBody, meta: ChangeMeta): Promise<PlanChange> {
  return sendJson('PUT', `/plan${kpiPath(id)}`, body, isPlanChange, { headers: changeHeaders(meta) });
}

export function putPlan(plan: Plan, meta: ChangeMeta): Promise<PlanChange> {
  return sendJson('PUT', '/plan', plan, isPlanChange, { headers: changeHeaders(meta) });
}

/** Measures the baseline from data and freezes it; `force` freezes below the KPI's coverage rule. */
export function freezeBaseline(id: string, meta: ChangeMeta, force = false): Promise<PlanChange> {
  return sendJson('POST', `/plan${kpiPath(id)}/baseline/freeze`, undefined, isPlanChange, {
    headers: changeHeaders(meta),
    query: { force: force ? 'true' : undefined },
  });
}

export function unfreezeBaseline(id: string, meta: ChangeMeta): Promise<PlanChange> {
  return sendJson('DELETE', `/plan${kpiPath(id)}/baseline/freeze`, undefined, isPlanChange, {
    headers: changeHeaders(meta),
  });
}
