import { QUANTITIES, type QuantityId } from './quantities.js';

type Convert = (value: number) => number;

const same: Convert = (v) => v;

/**
 * Units a sensor may send besides the canonical one, with the conversion to the canonical unit.
 * Gas conversions from ppb use the factors of the U4SSC verification manual (20 °C, 1 atm).
 */
const CONVERSIONS: Partial<Record<QuantityId, Readonly<Record<string, Convert>>>> = {
  pm25: { 'ug/m3': same, 'µg/m3': same, 'mg/m3': (v) => v * 1000 },
  pm10: { 'ug/m3': same, 'µg/m3': same, 'mg/m3': (v) => v * 1000 },
  no2: { 'ug/m3': same, 'µg/m3': same, ppb: (v) => v * 1.9, ppm: (v) => v * 1900 },
  o3: { 'ug/m3': same, 'µg/m3': same, ppb: (v) => v * 1.96, ppm: (v) => v * 1960 },
  so2: { 'ug/m3': same, 'µg/m3': same, ppb: (v) => v * 2.62, ppm: (v) => v * 2620 },
  co: { 'ug/m3': (v) => v / 1000, 'µg/m3': (v) => v / 1000, 'mg/m3': same, ppm: (v) => v * 1.15 },
  noise_laeq: { dB: same, dBA: same, 'dB(A)': same },
  traffic_count: { count: same, '1': same },
  traffic_speed: { 'km/h': same, kmh: same, 'm/s': (v) => v * 3.6, mph: (v) => v * 1.609344 },
  cycling_count: { count: same, '1': same },
  energy_kwh: { kWh: same, Wh: (v) => v / 1000, MWh: (v) => v * 1000, J: (v) => v / 3.6e6 },
  pv_kwh: { kWh: same, Wh: (v) => v / 1000, MWh: (v) => v * 1000, J: (v) => v / 3.6e6 },
  water_m3: { m3: same, l: (v) => v / 1000, L: (v) => v / 1000 },
  water_leakage_m3: { m3: same, l: (v) => v / 1000, L: (v) => v / 1000 },
  water_pressure: { bar: same, Pa: (v) => v / 1e5, kPa: (v) => v / 100 },
  waste_fill_pct: { '%': same, '/': (v) => v * 100 },
  temperature: {
    Cel: same,
    C: same,
    K: (v) => v - 273.15,
    degF: (v) => ((v - 32) * 5) / 9,
    F: (v) => ((v - 32) * 5) / 9,
  },
  humidity: { '%RH': same, '%': same, '/': (v) => v * 100 },
  rain_mm: { mm: same, m: (v) => v * 1000 },
};

/**
 * Converts a value given in `unit` to the quantity's canonical unit.
 * Returns undefined when the unit is not known for that quantity.
 */
export function toCanonicalUnit(
  quantity: QuantityId,
  value: number,
  unit: string | undefined,
): number | undefined {
  if (unit === undefined || unit === QUANTITIES[quantity].unit) return value;
  const units = CONVERSIONS[quantity];
  // Own keys only: a unit named 'constructor' or '__proto__' must not reach Object.prototype.
  if (units === undefined || !Object.hasOwn(units, unit)) return undefined;
  return units[unit]?.(value);
}

/** Units accepted for a quantity, canonical first; used in error messages and docs. */
export function acceptedUnits(quantity: QuantityId): string[] {
  return [QUANTITIES[quantity].unit, ...Object.keys(CONVERSIONS[quantity] ?? {})];
}
