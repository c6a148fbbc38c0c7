import { useMemo } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import type { ApiError } from '../api-client';
import { getJson } from '../api-client';
import { isKpiSnapshot } from '../domain-guards';
import { envelopeOf } from '../guards';
import { useLiveMap } from '../live-context';
import { useApi } from '../use-api';
import { useInterval } from '../use-interval';

const isKpiList = envelopeOf('kpis', isKpiSnapshot);

export async function fetchKpis(signal: AbortSignal): Promise<KpiSnapshot[]> {
  return (await getJson('/kpis', isKpiList, { signal })).kpis;
}

export interface KpisState {
  readonly kpis: readonly KpiSnapshot[];
  /** True once the list has been fetched. */
  readonly loaded: boolean;
  readonly loading: boolean;
  /** Only set while there is nothing to show; once the stream delivers, a failed fetch no longer matters. */
  readonly error: ApiError | undefined;
  readonly retryAt: number | null;
  readonly reload: () => void;
}

/**
 * All KPIs in plan order, each the newest of what GET /api/kpis returned and what the live stream has
 * sent since. A KPI whose snapshot did not change keeps its object identity, so memoised tiles skip
 * re-rendering and only the tile that changed updates. `pollMs` refetches on that period.
 */
export function useKpis(pollMs: number | null = null): KpisState {
  const fetched = useApi('kpis', fetchKpis);
  useInterval(fetched.reload, pollMs);
  const live = useLiveMap('kpi');
  const kpis = useMemo(() => {
    const list = (fetched.data ?? []).map((kpi) => live.get(kpi.id) ?? kpi);
    const known = new Set(list.map((kpi) => kpi.id));
    for (const [id, kpi] of live) if (!known.has(id)) list.push(kpi);
    return list;
  }, [fetched.data, live]);
  const empty = kpis.length === 0;
  return {
    kpis,
    loaded: fetched.data !== undefined,
    loading: empty && fetched.loading,
    error: empty ? fetched.error : undefined,
    retryAt: fetched.retryAt,
    reload: fetched.reload,
  };
}

/** One KPI's newest snapshot from the stream, falling back to `initial` until the stream has one. */
export function useLiveKpi(id: string, initial: KpiSnapshot | undefined): KpiSnapshot | undefined {
  return useLiveMap('kpi').get(id) ?? initial;
}
