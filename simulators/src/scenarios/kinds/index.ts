import type { KindDefinition, KindModel } from '../model.js';
import { AIR_QUALITY_KIND } from './air-quality.js';
import { CYCLING_KIND } from './cycling.js';
import { ENERGY_KIND } from './energy.js';
import { NOISE_KIND } from './noise.js';
import { TRAFFIC_KIND } from './traffic.js';
import { WASTE_KIND } from './waste.js';
import { WATER_KIND } from './water.js';
import { WEATHER_STATION_KIND } from './weather-station.js';

/** Sensor kinds with a calibrated model, as named by the `kind` of plan sensors. */
export const KIND_DEFINITIONS = {
  air_quality: AIR_QUALITY_KIND,
  noise: NOISE_KIND,
  traffic: TRAFFIC_KIND,
  cycling: CYCLING_KIND,
  energy: ENERGY_KIND,
  water: WATER_KIND,
  waste: WASTE_KIND,
  weather: WEATHER_STATION_KIND,
} as const satisfies Record<string, KindDefinition>;

export type SensorKind = keyof typeof KIND_DEFINITIONS;

export const SENSOR_KINDS = Object.keys(KIND_DEFINITIONS) as SensorKind[];

export function isSensorKind(kind: string | undefined): kind is SensorKind {
  return kind !== undefined && Object.hasOwn(KIND_DEFINITIONS, kind);
}

/** Each built-in kind's model at its calibrated defaults. */
export const KIND_MODELS = Object.fromEntries(
  SENSOR_KINDS.map((kind) => [kind, KIND_DEFINITIONS[kind].create({})]),
) as Readonly<Record<SensorKind, KindModel>>;
