import type { KpiDefinition, KpiSnapshot, SeriesPoint } from '@ssc-monitor/core';
import { getJson } from '../../../lib/api-client';
import { isKpiDefinition, isKpiSnapshot, isSeriesPoint } from '../../../lib/domain-guards';
import { envelopeOf, isArrayOf, isRecord } from '../../../lib/guards';

export interface KpiDetail {
  readonly kpi: KpiSnapshot;
  readonly definition: KpiDefinition;
}

export interface SeriesRequest {
  /** Epoch ms. */
  readonly from: number;
  readonly to: number;
  /** Point spacing as the endpoint accepts it: ms or `15m`, `1h`, `1d`. */
  readonly every: string;
}

const isKpiList = envelopeOf('kpis', isKpiSnapshot);
const isKpiDetail = (value: unknown): value is KpiDetail =>
  isRecord(value) && isKpiSnapshot(value.kpi) && isKpiDefinition(value.definition);
const isSeriesBody = (value: unknown): value is { points: SeriesPoint[] } =>
  isRecord(value) && isArrayOf(value.points, isSeriesPoint);

const kpiPath = (id: string) => `/kpis/${encodeURIComponent(id)}`;

export async function fetchKpis(signal: AbortSignal): Promise<KpiSnapshot[]> {
  return (await getJson('/kpis', isKpiList, { signal })).kpis;
}

export function fetchKpiDetail(id: string, signal: AbortSignal): Promise<KpiDetail> {
  return getJson(kpiPath(id), isKpiDetail, { signal });
}

export async function fetchKpiSeries(
  id: string,
  request: SeriesRequest,
  signal: AbortSignal,
): Promise<SeriesPoint[]> {
  const query = { from: request.from, to: request.to, every: request.every };
  return (await getJson(`${kpiPath(id)}/series`, isSeriesBody, { signal, query })).points;
}
