import { useMemo } from 'react';
import { registerMap } from 'echarts/core';
import type { Plan } from '@ssc-monitor/core';
import { aspectScale, bounds, cityGeoJson, type Bounds } from '../utils/city-geo';

export const MAP_NAME = 'ssc-city';

export interface CityOutlines {
  /** Districts with an outline, drawn on the map. */
  readonly drawn: number;
  readonly box: Bounds | null;
  readonly aspect: number;
}

/** Registers the plan's outlines with ECharts (offline: no tiles) and returns what the map needs of them. */
export function useCityOutlines(plan: Plan): CityOutlines {
  return useMemo(() => {
    const geo = cityGeoJson(plan.city.districts);
    // registerMap is global and idempotent; done here, before the chart's effects run, the first
    // setOption already finds the outlines.
    registerMap(MAP_NAME, geo as unknown as Parameters<typeof registerMap>[1]);
    const box = bounds(geo);
    return { drawn: geo.features.length, box, aspect: aspectScale(box) };
  }, [plan.city.districts]);
}
