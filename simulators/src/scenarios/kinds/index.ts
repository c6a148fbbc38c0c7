import type { KindModel } from '../model.js';
import { AIR_QUALITY } from './air-quality.js';
import { CYCLING } from './cycling.js';
import { ENERGY } from './energy.js';
import { NOISE } from './noise.js';
import { TRAFFIC } from './traffic.js';
import { WASTE } from './waste.js';
import { WATER } from './water.js';
import { WEATHER_STATION } from './weather-station.js';

/** Sensor kinds the demo city simulates, as named by the `kind` of plan sensors. */
export const KIND_MODELS = {
  air_quality: AIR_QUALITY,
  noise: NOISE,
  traffic: TRAFFIC,
  cycling: CYCLING,
  energy: ENERGY,
  water: WATER,
  waste: WASTE,
  weather: WEATHER_STATION,
} as const satisfies Record<string, KindModel>;

export type SensorKind = keyof typeof KIND_MODELS;

export const SENSOR_KINDS = Object.keys(KIND_MODELS) as SensorKind[];

export function isSensorKind(kind: string | undefined): kind is SensorKind {
  return kind !== undefined && Object.hasOwn(KIND_MODELS, kind);
}
