import type {
  District,
  KpiSnapshot,
  KpiStatus,
  PlanSensor,
  QuantityId,
  SensorState,
} from '@ssc-monitor/core';

/** What the map reads of the plan: districts with outlines, positioned sensors, and KPI scopes. */
export interface MapPlan {
  readonly city: { readonly districts: readonly District[] };
  readonly sensors: readonly PlanSensor[];
  readonly kpis: readonly {
    readonly id: string;
    readonly scope?: { readonly districts?: readonly string[] };
  }[];
}

/** What colours the districts: the worst KPI status, or the latest value of a quantity. */
export type MapMetric =
  { readonly kind: 'status' } | { readonly kind: 'quantity'; readonly quantity: QuantityId };

export interface DistrictValue {
  /** Mean of the latest values of the district's sensors; null without any recent one. */
  readonly mean: number | null;
  /** Sensors the mean is over. */
  readonly sensors: number;
}

/** Sensor id → district id: the plan's assignment, else what the platform reported. */
export function districtOfSensor(
  plan: MapPlan,
  sensors: readonly SensorState[],
): ReadonlyMap<string, string> {
  const byId = new Map(sensors.map((s) => [s.id, s.district]));
  for (const sensor of plan.sensors) byId.set(sensor.id, sensor.district);
  return byId;
}

/**
 * Per district, the mean of its sensors' latest values of `quantity`. Values older than `maxAgeMs` are
 * left out: a sensor that died yesterday must not colour the district as if it were current.
 */
export function districtMeans(
  plan: MapPlan,
  sensors: readonly SensorState[],
  quantity: QuantityId,
  now: number,
  maxAgeMs: number,
): Map<string, DistrictValue> {
  const districtOf = districtOfSensor(plan, sensors);
  const sums = new Map<string, { sum: number; n: number }>();
  for (const sensor of sensors) {
    const latest = sensor.latest[quantity];
    const district = districtOf.get(sensor.id);
    if (latest === undefined || district === undefined || now - latest.ts > maxAgeMs) continue;
    const acc = sums.get(district) ?? { sum: 0, n: 0 };
    acc.sum += latest.value;
    acc.n += 1;
    sums.set(district, acc);
  }
  return new Map(
    plan.city.districts.map((d) => {
      const acc = sums.get(d.id);
      return [d.id, { mean: acc === undefined ? null : acc.sum / acc.n, sensors: acc?.n ?? 0 }];
    }),
  );
}

const SEVERITY: Readonly<Record<KpiStatus, number>> = { off_track: 3, at_risk: 2, on_track: 1, no_data: 0 };

export interface DistrictStatus {
  /** The worst status of the KPIs covering the district; no_data when none has data. */
  readonly status: KpiStatus;
  /** KPIs covering the district that are off track, by name. */
  readonly offTrack: readonly string[];
}

/**
 * Per district, the worst status of the KPIs that cover it: those the plan restricts to it, and all
 * city-wide ones. KPI values are city-wide unless scoped, so a city-wide KPI off track marks every
 * district; the legend says so.
 */
export function districtStatuses(plan: MapPlan, kpis: readonly KpiSnapshot[]): Map<string, DistrictStatus> {
  const scopes = new Map(plan.kpis.map((k) => [k.id, k.scope?.districts]));
  return new Map(
    plan.city.districts.map((d) => {
      const covering = kpis.filter((kpi) => {
        const scope = scopes.get(kpi.id);
        return scope === undefined || scope.includes(d.id);
      });
      const status = covering.reduce<KpiStatus>(
        (worst, kpi) => (SEVERITY[kpi.status] > SEVERITY[worst] ? kpi.status : worst),
        'no_data',
      );
      const offTrack = covering.filter((k) => k.status === 'off_track').map((k) => k.name);
      return [d.id, { status, offTrack }];
    }),
  );
}

/** The metric named in the URL: `status` (the default), or a quantity id. */
export function parseMetric(text: string | null, known: ReadonlySet<string>): MapMetric {
  if (text === null || text === 'status' || !known.has(text)) return { kind: 'status' };
  return { kind: 'quantity', quantity: text as QuantityId };
}

export const metricId = (metric: MapMetric): string =>
  metric.kind === 'status' ? 'status' : metric.quantity;
