import type { Measurement, SeriesPoint } from '@ssc-monitor/core';
import { getJson } from '../../../lib/api-client';
import { isMeasurement, isSeriesPoint } from '../../../lib/domain-guards';
import { isArrayOf, isRecord } from '../../../lib/guards';

export interface SeriesRequest {
  /** Epoch ms. */
  readonly from: number;
  readonly to: number;
  /** Point spacing as the endpoint accepts it: ms or `15m`, `1h`, `1d`. */
  readonly every: string;
}

/** A KPI measured from stored data over local calendar dates, as GET /api/kpis/:id/measure answers. */
export type KpiMeasurement = Measurement & { readonly kpiId: string };

const isSeriesBody = (value: unknown): value is { points: SeriesPoint[] } =>
  isRecord(value) && isArrayOf(value.points, isSeriesPoint);

const kpiPath = (id: string) => `/kpis/${encodeURIComponent(id)}`;

export async function fetchKpiSeries(
  id: string,
  request: SeriesRequest,
  signal: AbortSignal,
): Promise<SeriesPoint[]> {
  const query = { from: request.from, to: request.to, every: request.every };
  return (await getJson(`${kpiPath(id)}/series`, isSeriesBody, { signal, query })).points;
}

/** Without a period, the API measures over the KPI's baseline period. */
export function fetchKpiMeasurement(
  id: string,
  period: { readonly from: string; readonly to: string } | null,
  signal: AbortSignal,
): Promise<KpiMeasurement> {
  const query = period === null ? {} : { from: period.from, to: period.to };
  return getJson(`${kpiPath(id)}/measure`, isMeasurement, { signal, query });
}
