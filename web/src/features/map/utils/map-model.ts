import type { KpiSnapshot, KpiStatus, QuantityId, SensorState } from '@ssc-monitor/core';
import { QUANTITY_DISPLAY, quantityDisplay } from '../../../config/quantities';
import { formatValue } from '../../../lib/format';
import { STATUS_META } from '../../../lib/kpi-status';
import { centroid } from './city-geo';
import { NO_DATA_FILL, valueColour, withAlpha } from './colour-scale';
import { districtMeans, districtStatuses, type MapMetric, type MapPlan } from './district-metrics';
import {
  CLUSTER_ABOVE,
  clusterByDistrict,
  heatData,
  sensorPoints,
  type SensorCluster,
  type SensorPoint,
} from './map-points';
import type { DistrictShade, HeatLayer } from './map-option';

export interface MapModelInput {
  readonly plan: MapPlan;
  readonly sensors: readonly SensorState[];
  readonly kpis: readonly KpiSnapshot[];
  readonly silentIds: ReadonlySet<string>;
  readonly metric: MapMetric;
  readonly heat: QuantityId | null;
  readonly now: number;
  /** Latest values older than this do not count, ms. */
  readonly maxAgeMs: number;
  /** Cluster above this many placed sensors. @defaultValue CLUSTER_ABOVE */
  readonly clusterAbove?: number;
}

/** A district in the legend table: what the map shows of it, in words. */
export interface DistrictRow extends DistrictShade {
  readonly value: number | null;
  readonly status: KpiStatus | null;
  readonly hasOutline: boolean;
  readonly sensors: number;
  readonly silent: number;
  /** Off-track KPIs covering the district, for the status metric. */
  readonly offTrack: readonly string[];
}

export interface MapModel {
  readonly districts: readonly DistrictRow[];
  readonly points: readonly SensorPoint[];
  readonly clusters: readonly SensorCluster[] | null;
  readonly heat: HeatLayer | null;
  /** Scale of the quantity metric, when it has values. */
  readonly scale: { readonly min: number; readonly max: number; readonly unit: string } | null;
  readonly unplaced: number;
}

/** Status fills are the status colours, let through enough to keep outlines and labels readable. */
const STATUS_FILL_ALPHA = 0.55;

function shadeDistricts(input: MapModelInput, points: readonly SensorPoint[]) {
  const { plan, metric } = input;
  const statuses = districtStatuses(plan, input.kpis);
  const means =
    metric.kind === 'quantity'
      ? districtMeans(plan, input.sensors, metric.quantity, input.now, input.maxAgeMs)
      : null;
  const values = [...(means?.values() ?? [])].flatMap((v) => (v.mean === null ? [] : [v.mean]));
  const scale = values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
  const unit = metric.kind === 'quantity' ? quantityDisplay(metric.quantity).unit : '';
  const districts = plan.city.districts.map((d): DistrictRow => {
    const members = points.filter((p) => p.district === d.id);
    const base = { id: d.id, name: d.name, hasOutline: d.geometry !== undefined, sensors: members.length };
    const silent = members.filter((p) => p.freshness === 'silent').length;
    const status = statuses.get(d.id) ?? { status: 'no_data' as const, offTrack: [] };
    if (means === null) {
      const meta = STATUS_META[status.status];
      const fill = status.status === 'no_data' ? NO_DATA_FILL : withAlpha(meta.color, STATUS_FILL_ALPHA);
      return {
        ...base,
        silent,
        fill,
        text: meta.label,
        value: null,
        status: status.status,
        offTrack: status.offTrack,
      };
    }
    const mean = means.get(d.id)?.mean ?? null;
    const fill = mean === null || scale === null ? NO_DATA_FILL : valueColour(mean, scale.min, scale.max);
    const text = mean === null ? 'no recent data' : formatValue(mean, unit);
    return { ...base, silent, fill, text, value: mean, status: null, offTrack: status.offTrack };
  });
  return { districts, scale: scale === null ? null : { ...scale, unit } };
}

/** Everything the map view draws and lists, from the plan and the live state. Pure. */
export function buildMapModel(input: MapModelInput): MapModel {
  const { points, unplaced } = sensorPoints(input.plan, input.sensors, input.silentIds);
  const { districts, scale } = shadeDistricts(input, points);
  const centres = new Map(
    input.plan.city.districts.flatMap((d) => {
      const c = d.geometry === undefined ? null : centroid(d.geometry);
      return c === null ? [] : [[d.id, c] as const];
    }),
  );
  const clusters =
    points.length > (input.clusterAbove ?? CLUSTER_ABOVE) ? clusterByDistrict(points, centres) : null;
  let heat: HeatLayer | null = null;
  if (input.heat !== null) {
    const data = heatData(points, input.heat, input.now, input.maxAgeMs);
    const values = data.map((d) => d[2]);
    const { label, unit } = quantityDisplay(input.heat);
    heat = {
      label: unit === '' ? label : `${label} (${unit})`,
      data,
      min: values.length === 0 ? 0 : Math.min(...values),
      max: values.length === 0 ? 1 : Math.max(...values),
    };
  }
  return { districts, points, clusters, heat, scale, unplaced };
}

/** Quantities worth offering: those any sensor has reported, plus the ones named in the URL. */
export function quantityOptions(
  sensors: readonly SensorState[],
  named: readonly (string | null)[],
): QuantityId[] {
  const seen = new Set<string>();
  for (const sensor of sensors) for (const quantity of Object.keys(sensor.latest)) seen.add(quantity);
  for (const name of named) if (name !== null && Object.hasOwn(QUANTITY_DISPLAY, name)) seen.add(name);
  return [...seen]
    .sort((a, b) => quantityDisplay(a).label.localeCompare(quantityDisplay(b).label))
    .map((q) => q as QuantityId);
}
