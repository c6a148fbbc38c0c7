import { useMemo } from 'react';
import type { SensorState } from '@ssc-monitor/core';
import type { ApiError } from '../../../lib/api-client';
import { useLiveMap } from '../../../lib/live-context';
import { useApi } from '../../../lib/use-api';
import { fetchSensors } from '../api/sensors-api';

export interface SensorsState {
  /** Sorted by id, so rows keep their place as they update. */
  readonly sensors: readonly SensorState[];
  readonly loading: boolean;
  readonly error: ApiError | undefined;
  readonly retryAt: number | null;
  readonly reload: () => void;
}

/** Every sensor, from GET /api/sensors and then kept current by the stream's `sensor` events. */
export function useSensors(): SensorsState {
  const fetched = useApi('sensors', fetchSensors);
  const live = useLiveMap('sensor');
  const sensors = useMemo(() => {
    const byId = new Map<string, SensorState>();
    for (const sensor of fetched.data ?? []) byId.set(sensor.id, sensor);
    for (const [id, sensor] of live) byId.set(id, sensor);
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }, [fetched.data, live]);
  const empty = sensors.length === 0;
  return {
    sensors,
    loading: empty && fetched.loading,
    error: empty ? fetched.error : undefined,
    retryAt: fetched.retryAt,
    reload: fetched.reload,
  };
}
