import { QUANTITIES, type QuantityId, type Reading } from '@ssc-monitor/core';
import { encodeNgsi, ngsiUnit } from './ngsi-payload.js';
import { encodeJson, encodeSenml, SENML_UNITS, type PayloadFormat, type UnitTable } from './payloads.js';

/** How a sensor encodes its messages. */
export interface Encoding {
  readonly format: PayloadFormat;
  readonly units?: UnitTable;
  /** NGSI entity type; see {@link encodeNgsi}. */
  readonly entityType?: string;
}

/** The payload of one sensor's readings at one time (all readings share the sensor and the timestamp). */
export function encodePayload(format: PayloadFormat | Encoding, readings: readonly Reading[]): string {
  const encoding = typeof format === 'string' ? { format } : format;
  if (encoding.format === 'senml') return encodeSenml(readings, encoding.units);
  if (encoding.format === 'ngsi') return encodeNgsi(readings, encoding.entityType ?? 'SensorObserved');
  return encodeJson(readings, encoding.units);
}

/** The unit a quantity's number is labelled with (or implied to be in) in this encoding. */
export function declaredUnit(encoding: Encoding, quantity: QuantityId): string {
  const explicit = encoding.format === 'ngsi' ? ngsiUnit(quantity) : encoding.units?.[quantity];
  const senml = encoding.format === 'senml' ? SENML_UNITS[quantity] : undefined;
  return explicit ?? senml ?? QUANTITIES[quantity].unit;
}
