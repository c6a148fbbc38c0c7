import type { Dimension, KpiSnapshot } from '@ssc-monitor/core';

/** Order of the groups on the wall screen; a dimension the server adds later goes after these. */
export const DIMENSION_ORDER: readonly Dimension[] = ['Environment', 'Economy', 'Society and Culture'];

export interface KpiGroup {
  readonly dimension: string;
  readonly kpis: readonly KpiSnapshot[];
}

/** Groups KPIs by dimension, keeping the order in which the plan lists them within each group. */
export function groupByDimension(kpis: readonly KpiSnapshot[]): KpiGroup[] {
  const groups = new Map<string, KpiSnapshot[]>();
  for (const dimension of DIMENSION_ORDER) groups.set(dimension, []);
  for (const kpi of kpis) {
    const group = groups.get(kpi.dimension);
    if (group === undefined) groups.set(kpi.dimension, [kpi]);
    else group.push(kpi);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([dimension, list]) => ({ dimension, kpis: list }));
}
