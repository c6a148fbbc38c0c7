import { QUANTITIES, toCanonicalUnit, type QuantityId, type Reading } from '@ssc-monitor/core';
import type { SensorKind } from './kinds/index.js';

/** One MQTT message of one sensor, before the topic prefix is applied. */
export interface OutgoingMessage {
  readonly sensorId: string;
  readonly payload: string;
}

export type PayloadFormat = 'senml' | 'json';

/** Gateways of different vendors: some kinds speak SenML (RFC 8428), the others plain JSON. */
export const PAYLOAD_FORMATS: Readonly<Record<SensorKind, PayloadFormat>> = {
  air_quality: 'senml',
  energy: 'senml',
  weather: 'senml',
  noise: 'json',
  traffic: 'json',
  cycling: 'json',
  water: 'json',
  waste: 'json',
};

/**
 * SenML unit spellings (RFC 8428 registry style, ASCII). NO₂ goes out in ppb so that the ingest's
 * unit conversion is exercised on every air-quality message.
 */
const SENML_UNITS: Partial<Record<QuantityId, string>> = {
  pm25: 'ug/m3',
  pm10: 'ug/m3',
  no2: 'ppb',
  o3: 'ug/m3',
  so2: 'ug/m3',
  co: 'mg/m3',
  energy_kwh: 'kWh',
  pv_kwh: 'kWh',
  temperature: 'Cel',
  humidity: '%RH',
  rain_mm: 'mm',
  water_m3: 'm3',
};

/**
 * Decimal places sent per quantity, in the unit sent. Fine enough that rounding biases no daily total:
 * a rain gauge's 10 s amount is a few thousandths of a millimetre.
 */
const DECIMALS: Readonly<Record<QuantityId, number>> = {
  pm25: 1,
  pm10: 1,
  no2: 1,
  o3: 1,
  so2: 1,
  co: 2,
  noise_laeq: 1,
  traffic_count: 0,
  traffic_speed: 1,
  cycling_count: 0,
  energy_kwh: 2,
  pv_kwh: 3,
  water_m3: 3,
  water_pressure: 2,
  water_leakage_m3: 3,
  waste_fill_pct: 1,
  temperature: 1,
  humidity: 1,
  rain_mm: 4,
};

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** The unit a SenML record carries and the value in that unit, derived from the core's conversions. */
export function senmlValue(quantity: QuantityId, canonical: number): { unit: string; value: number } {
  const unit = SENML_UNITS[quantity] ?? QUANTITIES[quantity].unit;
  const perUnit = toCanonicalUnit(quantity, 1, unit) ?? 1;
  return { unit, value: round(canonical / perUnit, DECIMALS[quantity]) };
}

/** A SenML pack: base name `<sensorId>:`, base time in seconds, one record per quantity. */
export function encodeSenml(readings: readonly Reading[]): string {
  const first = readings[0];
  if (first === undefined) return '[]';
  const records = readings.map((reading, i) => {
    const { unit, value } = senmlValue(reading.quantity, reading.value);
    const record = { n: reading.quantity, u: unit, v: value };
    return i === 0 ? { bn: `${first.sensorId}:`, bt: first.ts / 1000, ...record } : record;
  });
  return JSON.stringify(records);
}

/** A flat JSON object: `{ "<quantityId>": value, …, "ts": "<ISO 8601>" }`. */
export function encodeJson(readings: readonly Reading[]): string {
  const body: Record<string, number | string> = {};
  for (const reading of readings) body[reading.quantity] = round(reading.value, DECIMALS[reading.quantity]);
  const first = readings[0];
  if (first !== undefined) body.ts = new Date(first.ts).toISOString();
  return JSON.stringify(body);
}

/** The payload of one sensor's readings at one time (all readings share the sensor and the timestamp). */
export function encodePayload(format: PayloadFormat, readings: readonly Reading[]): string {
  return format === 'senml' ? encodeSenml(readings) : encodeJson(readings);
}
