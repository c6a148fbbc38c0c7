import { useEffect, useState } from 'react';
import type { SeriesPoint } from '@ssc-monitor/core';
import type { ApiError } from '../../../lib/api-client';
import { useLiveEvent } from '../../../lib/live-context';
import { appendPoint } from '../../../lib/series-buffer';
import { useApi } from '../../../lib/use-api';
import { fetchKpiSeries } from '../api/kpi-api';

export interface SeriesWindow {
  readonly rangeMs: number;
  readonly every: string;
  readonly everyMs: number;
  readonly maxPoints: number;
}

export interface KpiSeriesState {
  readonly points: readonly SeriesPoint[];
  /** The requested range, epoch ms. */
  readonly from: number;
  readonly to: number;
  readonly loading: boolean;
  readonly error: ApiError | undefined;
  readonly retryAt: number | null;
}

/**
 * A KPI's history from the series endpoint, extended live by the KPI's snapshots on the stream as a
 * bounded buffer (at most `maxPoints`, never older than the range), so a screen left open all day
 * neither grows without bound nor stops moving.
 */
export function useKpiSeries(kpiId: string, window: SeriesWindow): KpiSeriesState {
  const { rangeMs, every, everyMs, maxPoints } = window;
  const [requested, setRequested] = useState({ from: 0, to: 0 });
  const api = useApi(`${kpiId}|${rangeMs}|${every}`, (signal) => {
    const to = Date.now();
    const from = to - rangeMs;
    setRequested({ from, to });
    return fetchKpiSeries(kpiId, { from, to, every }, signal);
  });
  const [points, setPoints] = useState<readonly SeriesPoint[]>([]);

  useEffect(() => {
    if (api.data !== undefined) setPoints(api.data);
  }, [api.data]);

  useLiveEvent('kpi', (kpi) => {
    // Until the history has loaded there is nothing to extend: it replaces the points when it
    // arrives, and it already holds what the stream sent before (the full state on connect).
    if (api.data === undefined) return;
    if (kpi.id !== kpiId || kpi.current.at === null) return;
    const point = { t: kpi.current.at, value: kpi.current.value };
    setPoints((current) =>
      appendPoint(current, point, { maxPoints, windowMs: rangeMs, minSpacingMs: everyMs }),
    );
  });

  return {
    points,
    from: requested.from,
    to: requested.to,
    // True also while a new range loads over the previous one, which stays drawn meanwhile.
    loading: api.loading,
    error: api.error,
    retryAt: api.retryAt,
  };
}
