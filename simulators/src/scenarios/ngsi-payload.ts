import type { QuantityId, Reading } from '@ssc-monitor/core';
import { decimalsOf, fromCanonical, round } from './payloads.js';

/**
 * FIWARE Smart Data Models entity types of the built-in kinds. Kinds without a model of their own
 * send an entity type named after the kind (`CyclingObserved`), which the ingest reads by the
 * vocabulary's names.
 */
const ENTITY_TYPES: Readonly<Record<string, string>> = {
  air_quality: 'AirQualityObserved',
  noise: 'NoiseLevelObserved',
  traffic: 'TrafficFlowObserved',
  weather: 'WeatherObserved',
  waste: 'WasteContainer',
};

export function ngsiEntityType(kind: string): string {
  if (Object.hasOwn(ENTITY_TYPES, kind)) return ENTITY_TYPES[kind] ?? kind;
  const pascal = kind.replace(/(^|[_\-\s]+)([a-z0-9])/gi, (_m, _sep: string, c: string) => c.toUpperCase());
  return `${pascal}Observed`;
}

/**
 * Attribute names and units of the Smart Data Models, which key-values carry without metadata:
 * fractions of 1 for relative humidity and fill level, µg/m³ for every pollutant including CO.
 * Other quantities go out under their vocabulary id, in their canonical unit.
 */
const ATTRIBUTES: Partial<
  Record<QuantityId, { readonly name: string; readonly unit?: string; readonly extra: number }>
> = {
  noise_laeq: { name: 'LAeq', extra: 0 },
  traffic_count: { name: 'intensity', extra: 0 },
  traffic_speed: { name: 'averageVehicleSpeed', extra: 0 },
  humidity: { name: 'relativeHumidity', unit: '/', extra: 2 },
  waste_fill_pct: { name: 'fillingLevel', unit: '/', extra: 2 },
  rain_mm: { name: 'precipitation', extra: 0 },
  co: { name: 'co', unit: 'ug/m3', extra: -3 },
};

/** The unit an entity's attribute for the quantity is in, by the Smart Data Models' conventions. */
export function ngsiUnit(quantity: QuantityId): string | undefined {
  return ATTRIBUTES[quantity]?.unit;
}

/** The attribute name and value of a canonical reading in an entity. */
export function ngsiAttribute(quantity: QuantityId, canonical: number): { name: string; value: number } {
  const spec = ATTRIBUTES[quantity];
  const decimals = decimalsOf(quantity) + (spec?.extra ?? 0);
  const value =
    spec?.unit === undefined ? canonical : (fromCanonical(quantity, canonical, spec.unit) ?? canonical);
  return { name: spec?.name ?? quantity, value: round(value, Math.max(0, decimals)) };
}

/**
 * An NGSI-v2 entity in key-values form, as a context broker notifies it:
 * `{"id":"urn:ngsi-ld:AirQualityObserved:aq-1","type":"AirQualityObserved","dateObserved":"…","pm25":12}`.
 * `dateObserved` is the end of the interval, as for the other formats.
 */
export function encodeNgsi(readings: readonly Reading[], entityType: string): string {
  const first = readings[0];
  if (first === undefined) return '{}';
  const entity: Record<string, string | number> = {
    id: `urn:ngsi-ld:${entityType}:${first.sensorId}`,
    type: entityType,
    dateObserved: new Date(first.ts).toISOString(),
  };
  for (const reading of readings) {
    const { name, value } = ngsiAttribute(reading.quantity, reading.value);
    entity[name] = value;
  }
  return JSON.stringify(entity);
}
