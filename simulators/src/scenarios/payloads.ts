import { QUANTITIES, toCanonicalUnit, type QuantityId, type Reading } from '@ssc-monitor/core';
import type { SensorKind } from './kinds/index.js';

/** One MQTT message of one sensor, before the topic prefix is applied. */
export interface OutgoingMessage {
  readonly sensorId: string;
  /** Bytes only where a fault makes them invalid UTF-8; text otherwise. */
  readonly payload: string | Uint8Array;
}

/** A message as the clean generator encodes it: always text. */
export interface EncodedMessage extends OutgoingMessage {
  readonly payload: string;
}

export const PAYLOAD_FORMATS_LIST = ['senml', 'json', 'ngsi'] as const;
export type PayloadFormat = (typeof PAYLOAD_FORMATS_LIST)[number];

/** The unit a sensor sends each quantity in, where it is not the format's default. */
export type UnitTable = Readonly<Partial<Record<QuantityId, string>>>;

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
export const SENML_UNITS: Partial<Record<QuantityId, string>> = {
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

export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Decimal places a quantity is sent with, in the unit it is sent in. */
export function decimalsOf(quantity: QuantityId): number {
  return DECIMALS[quantity];
}

/**
 * A canonical value expressed in another unit: the inverse of the core's conversion, which is affine
 * (a·x + b, e.g. °F), so two evaluations recover it. Undefined when the unit is unknown.
 */
export function fromCanonical(quantity: QuantityId, canonical: number, unit: string): number | undefined {
  const offset = toCanonicalUnit(quantity, 0, unit);
  const scale = toCanonicalUnit(quantity, 1, unit);
  if (offset === undefined || scale === undefined) return undefined;
  return (canonical - offset) / (scale - offset);
}

/** The unit a SenML record carries and the value in that unit, derived from the core's conversions. */
export function senmlValue(
  quantity: QuantityId,
  canonical: number,
  unitOverride?: string,
): { unit: string; value: number } {
  const unit = unitOverride ?? SENML_UNITS[quantity] ?? QUANTITIES[quantity].unit;
  return { unit, value: round(fromCanonical(quantity, canonical, unit) ?? canonical, DECIMALS[quantity]) };
}

/** A SenML pack: base name `<sensorId>:`, base time in seconds, one record per quantity. */
export function encodeSenml(readings: readonly Reading[], units: UnitTable = {}): string {
  const first = readings[0];
  if (first === undefined) return '[]';
  const records = readings.map((reading, i) => {
    const { unit, value } = senmlValue(reading.quantity, reading.value, units[reading.quantity]);
    const record = { n: reading.quantity, u: unit, v: value };
    return i === 0 ? { bn: `${first.sensorId}:`, bt: first.ts / 1000, ...record } : record;
  });
  return JSON.stringify(records);
}

/**
 * A flat JSON object: `{ "<quantityId>": value, …, "ts": "<ISO 8601>" }`, a value in another unit
 * than the canonical one as `{ "value": …, "unit": … }`.
 */
export function encodeJson(readings: readonly Reading[], units: UnitTable = {}): string {
  const body: Record<string, number | string | { value: number; unit: string }> = {};
  for (const { quantity, value } of readings) {
    const unit = units[quantity];
    body[quantity] =
      unit === undefined
        ? round(value, DECIMALS[quantity])
        : { value: round(fromCanonical(quantity, value, unit) ?? value, DECIMALS[quantity]), unit };
  }
  const first = readings[0];
  if (first !== undefined) body.ts = new Date(first.ts).toISOString();
  return JSON.stringify(body);
}
