import { useEffect, useState } from 'react';
import { isAbortError } from '../api-client';
import { fetchMeasurement, type KpiMeasurement } from './plan-api';

export interface MeasurementRequest {
  /** Names the answer in the result map. */
  readonly key: string;
  readonly kpiId: string;
  /** Null: the KPI's baseline period. */
  readonly period: { readonly from: string; readonly to: string } | null;
}

/** A measurement, or why there is none (a failed request is shown per cell, not for the whole page). */
export type MeasurementResult =
  { readonly ok: true; readonly value: KpiMeasurement } | { readonly ok: false };

/** At most this many measurements run at once: each scans stored readings, and a plan may list dozens. */
const CONCURRENCY = 4;

/**
 * Measures several KPI periods (GET /api/kpis/:id/measure) and returns the answers by key as they come.
 * The requests rerun when their set changes (compared by value, so a fresh array each render is fine).
 */
export function useMeasurements(
  requests: readonly MeasurementRequest[],
): ReadonlyMap<string, MeasurementResult> {
  const signature = JSON.stringify(requests);
  const [results, setResults] = useState<ReadonlyMap<string, MeasurementResult>>(new Map());

  useEffect(() => {
    const list: MeasurementRequest[] = JSON.parse(signature) as MeasurementRequest[];
    const controller = new AbortController();
    let next = 0;
    const store = (key: string, result: MeasurementResult) =>
      setResults((previous) => new Map(previous).set(key, result));
    const worker = async () => {
      while (next < list.length && !controller.signal.aborted) {
        const request = list[next];
        next += 1;
        if (request === undefined) continue;
        try {
          store(request.key, {
            ok: true,
            value: await fetchMeasurement(request.kpiId, request.period, controller.signal),
          });
        } catch (error) {
          if (controller.signal.aborted || isAbortError(error)) return;
          store(request.key, { ok: false });
        }
      }
    };
    setResults(new Map());
    void Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return () => controller.abort();
  }, [signature]);

  return results;
}
