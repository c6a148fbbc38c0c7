import type { QuantityId, SensorState } from '@ssc-monitor/core';
import type { MapPlan } from './district-metrics';

/** How a sensor is drawn: each state has its own symbol as well as colour. */
export type SensorFreshness = 'ok' | 'silent' | 'no_data';

export interface SensorPoint {
  readonly id: string;
  readonly district: string;
  readonly lon: number;
  readonly lat: number;
  readonly freshness: SensorFreshness;
  /** Epoch ms of its last message; null if never heard from. */
  readonly lastSeen: number | null;
  readonly state: SensorState | undefined;
}

export interface SensorCluster {
  readonly district: string;
  readonly lon: number;
  readonly lat: number;
  readonly count: number;
  /** Sensors of the cluster that are silent now. */
  readonly alerts: number;
  /** Sensors of the cluster that are reporting. */
  readonly reporting: number;
}

/** Beyond this many sensors, points are drawn as one cluster per district, which stays legible. */
export const CLUSTER_ABOVE = 200;

/**
 * Sensors of the plan that have a position, with their state. Sensors without a position (or not in
 * the plan) cannot be placed; `unplaced` counts them, so the map can say so instead of hiding them.
 */
export function sensorPoints(
  plan: MapPlan,
  states: readonly SensorState[],
  silentIds: ReadonlySet<string>,
): { points: SensorPoint[]; unplaced: number } {
  const byId = new Map(states.map((s) => [s.id, s]));
  const points: SensorPoint[] = [];
  for (const sensor of plan.sensors) {
    if (sensor.lat === undefined || sensor.lon === undefined) continue;
    const state = byId.get(sensor.id);
    const lastSeen = state?.lastSeen ?? null;
    const freshness: SensorFreshness = silentIds.has(sensor.id)
      ? 'silent'
      : lastSeen === null
        ? 'no_data'
        : 'ok';
    points.push({
      id: sensor.id,
      district: sensor.district,
      lon: sensor.lon,
      lat: sensor.lat,
      freshness,
      lastSeen,
      state,
    });
  }
  const placed = new Set(points.map((p) => p.id));
  const inPlan = new Set(plan.sensors.map((s) => s.id));
  const unplaced =
    plan.sensors.filter((s) => !placed.has(s.id)).length + states.filter((s) => !inPlan.has(s.id)).length;
  return { points, unplaced };
}

/** One cluster per district, at the district's centre (or the mean of its sensors without an outline). */
export function clusterByDistrict(
  points: readonly SensorPoint[],
  centres: ReadonlyMap<string, readonly [number, number]>,
): SensorCluster[] {
  const groups = new Map<string, SensorPoint[]>();
  for (const point of points) {
    const members = groups.get(point.district);
    if (members === undefined) groups.set(point.district, [point]);
    else members.push(point);
  }
  return [...groups].map(([district, members]) => {
    const centre = centres.get(district);
    const lon = centre?.[0] ?? members.reduce((s, p) => s + p.lon, 0) / members.length;
    const lat = centre?.[1] ?? members.reduce((s, p) => s + p.lat, 0) / members.length;
    const alerts = members.filter((p) => p.freshness === 'silent').length;
    const reporting = members.filter((p) => p.freshness === 'ok').length;
    return { district, lon, lat, count: members.length, alerts, reporting };
  });
}

/** [lon, lat, value] of sensors with a recent value of `quantity`, for the heat layer. */
export function heatData(
  points: readonly SensorPoint[],
  quantity: QuantityId,
  now: number,
  maxAgeMs: number,
): [number, number, number][] {
  return points.flatMap((p) => {
    const latest = p.state?.latest[quantity];
    return latest === undefined || now - latest.ts > maxAgeMs ? [] : [[p.lon, p.lat, latest.value]];
  });
}
