import { findQuantity, type QuantityId } from '../vocabulary/quantities.js';
import { reject, type Rejection } from './rejection.js';
import { parseTimestamp } from './timestamps.js';

/**
 * FIWARE NGSI-v2 entities in key-values form (`?options=keyValues`): a flat object with `id`, `type`
 * and attributes as plain values, e.g. the Smart Data Models' AirQualityObserved,
 * NoiseLevelObserved and TrafficFlowObserved.
 */
export type NgsiEntity = Readonly<Record<string, unknown>> & { readonly id: string; readonly type: string };

/** One numeric attribute that names a quantity, with the unit the data model implies. */
export interface NgsiMeasurement {
  readonly attribute: string;
  readonly quantity: QuantityId;
  readonly value: number;
  /** Undefined when the attribute is in the quantity's canonical unit. */
  readonly unit: string | undefined;
}

export type NgsiResult =
  | { readonly ok: true; readonly ts: number; readonly measurements: NgsiMeasurement[] }
  | { readonly ok: false; readonly rejection: Rejection };

const AIR: readonly QuantityId[] = ['pm25', 'pm10', 'no2', 'o3', 'so2', 'co'];
const WEATHER: readonly QuantityId[] = ['temperature', 'humidity', 'rain_mm'];

/**
 * Quantities an entity type may carry. Aliases are global, so an attribute that means something else
 * in a given model (AirQualityObserved `pressure` is atmospheric, not the water network's) must not
 * be read as the quantity its name resolves to. Types not listed may carry any quantity.
 */
const TYPE_QUANTITIES: Readonly<Record<string, readonly QuantityId[]>> = {
  AirQualityObserved: [...AIR, ...WEATHER],
  WeatherObserved: WEATHER,
  NoiseLevelObserved: ['noise_laeq'],
  TrafficFlowObserved: ['traffic_count', 'traffic_speed'],
  WasteContainer: ['waste_fill_pct'],
};

/**
 * Key-values carry no unit metadata, so units follow the Smart Data Models' conventions: pollutant
 * concentrations in µg/m³ (unitCode GQ), relative humidity and filling level as fractions of 1.
 */
const ATTRIBUTE_UNITS: Readonly<Record<string, string>> = { relativeHumidity: '/', fillingLevel: '/' };
const QUANTITY_UNITS: Partial<Record<QuantityId, string>> = { co: 'ug/m3' };

/** Observation time, best first: an instant (or the end of an ISO 8601 interval), then the period's end. */
const TIME_ATTRIBUTES = ['dateObserved', 'dateObservedTo', 'dateObservedFrom'];

/** True for a JSON object that names an entity (`id` and `type` as text): the key-values form. */
export function isNgsiEntity(json: unknown): json is NgsiEntity {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const fields = json as Record<string, unknown>;
  return typeof fields.id === 'string' && typeof fields.type === 'string';
}

/**
 * NGSI-v2 DateTime text: an interval `start/end` stands for its end (readings are stamped at the end
 * of the period they cover), and a time without a zone is UTC, as the NGSI-v2 specification says.
 */
function observedAt(entity: NgsiEntity, receivedAt: number): NgsiResult | { ts: number } {
  const attribute = TIME_ATTRIBUTES.find((name) => entity[name] !== undefined);
  if (attribute === undefined) return { ts: receivedAt };
  const raw = entity[attribute];
  if (typeof raw !== 'string')
    return { ok: false, rejection: reject('INGEST_ERR_BAD_TIMESTAMP', `${attribute} must be ISO 8601 text`) };
  const instant = raw.includes('/') ? (raw.split('/').pop() ?? '') : raw;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(instant) ? instant : `${instant}Z`;
  const parsed = parseTimestamp(zoned, receivedAt);
  if (!parsed.ok)
    return { ok: false, rejection: reject('INGEST_ERR_BAD_TIMESTAMP', `${attribute}: ${parsed.reason}`) };
  return { ts: parsed.ts };
}

/** The attribute's quantity when it names one the entity type may carry. */
function quantityOf(type: string, attribute: string): QuantityId | undefined {
  const quantity = Object.hasOwn(Object.prototype, attribute) ? undefined : findQuantity(attribute);
  const allowed = Object.hasOwn(TYPE_QUANTITIES, type) ? TYPE_QUANTITIES[type] : undefined;
  return quantity !== undefined && (allowed === undefined || allowed.includes(quantity))
    ? quantity
    : undefined;
}

/**
 * Reads the measurements of a key-values entity. Attributes that name no quantity (address,
 * location, airQualityIndex, …) are ignored, as an entity carries many; a quantity attribute whose
 * value is not a number is refused, since silently dropping it would hide a broken sender.
 */
export function parseNgsiEntity(entity: NgsiEntity, receivedAt: number): NgsiResult {
  const time = observedAt(entity, receivedAt);
  if ('ok' in time) return time;
  const measurements: NgsiMeasurement[] = [];
  for (const [attribute, value] of Object.entries(entity)) {
    const quantity = quantityOf(entity.type, attribute);
    if (quantity === undefined || value === null) continue;
    if (typeof value !== 'number')
      return {
        ok: false,
        rejection: reject('INGEST_ERR_SCHEMA', `attribute '${attribute}' of ${quantity} must be a number`),
      };
    if (measurements.some((m) => m.quantity === quantity))
      return { ok: false, rejection: reject('INGEST_ERR_SCHEMA', `quantity '${quantity}' is given twice`) };
    const unit = ATTRIBUTE_UNITS[attribute] ?? QUANTITY_UNITS[quantity];
    measurements.push({ attribute, quantity, value, unit });
  }
  if (measurements.length === 0)
    return {
      ok: false,
      rejection: reject(
        'INGEST_ERR_EMPTY',
        `the ${entity.type.slice(0, 64)} entity holds no attribute that names a known quantity`,
      ),
    };
  return { ok: true, ts: time.ts, measurements };
}
