/**
 * The one vocabulary of measured quantities. Every other package names quantities and units through
 * this module, never with bare string literals.
 */
export const QUANTITY_IDS = [
  'pm25',
  'pm10',
  'no2',
  'o3',
  'so2',
  'co',
  'noise_laeq',
  'traffic_count',
  'traffic_speed',
  'cycling_count',
  'energy_kwh',
  'pv_kwh',
  'water_m3',
  'water_pressure',
  'water_leakage_m3',
  'waste_fill_pct',
  'temperature',
  'humidity',
  'rain_mm',
] as const;

export type QuantityId = (typeof QUANTITY_IDS)[number];

/** How readings of a quantity combine over time: levels are averaged, counters and volumes are summed. */
export type TemporalAggregation = 'mean' | 'sum';

export interface QuantityDef {
  readonly id: QuantityId;
  readonly label: string;
  /** Canonical unit symbol; stored values are always in this unit. */
  readonly unit: string;
  readonly aggregation: TemporalAggregation;
  /** Physically plausible range in the canonical unit; readings outside are rejected. */
  readonly min: number;
  readonly max: number;
  /** Other names a sensor may use for the quantity (SenML record names, plain JSON keys). */
  readonly aliases: readonly string[];
}

const q = (
  id: QuantityId,
  label: string,
  unit: string,
  aggregation: TemporalAggregation,
  min: number,
  max: number,
  aliases: readonly string[] = [],
): QuantityDef => ({ id, label, unit, aggregation, min, max, aliases });

export const QUANTITIES: Readonly<Record<QuantityId, QuantityDef>> = {
  pm25: q('pm25', 'PM2.5', 'µg/m³', 'mean', 0, 2000, ['pm2_5', 'pm2.5', 'PM2.5', 'PM25']),
  pm10: q('pm10', 'PM10', 'µg/m³', 'mean', 0, 5000, ['PM10']),
  no2: q('no2', 'NO₂', 'µg/m³', 'mean', 0, 2000, ['NO2']),
  o3: q('o3', 'O₃', 'µg/m³', 'mean', 0, 1000, ['O3']),
  so2: q('so2', 'SO₂', 'µg/m³', 'mean', 0, 2000, ['SO2']),
  co: q('co', 'CO', 'mg/m³', 'mean', 0, 200, ['CO']),
  noise_laeq: q('noise_laeq', 'Noise LAeq', 'dB(A)', 'mean', 0, 160, ['laeq', 'LAeq', 'noise']),
  traffic_count: q('traffic_count', 'Vehicles counted', 'vehicles', 'sum', 0, 1e6, ['intensity', 'vehicles']),
  traffic_speed: q('traffic_speed', 'Mean traffic speed', 'km/h', 'mean', 0, 250, [
    'averageVehicleSpeed',
    'speed',
  ]),
  cycling_count: q('cycling_count', 'Bicycles counted', 'bicycles', 'sum', 0, 1e6, ['bikes', 'bicycles']),
  energy_kwh: q('energy_kwh', 'Energy consumed', 'kWh', 'sum', 0, 1e9, ['energy']),
  pv_kwh: q('pv_kwh', 'PV energy generated', 'kWh', 'sum', 0, 1e9, ['pv']),
  water_m3: q('water_m3', 'Water consumed', 'm³', 'sum', 0, 1e9, ['water']),
  water_pressure: q('water_pressure', 'Network pressure', 'bar', 'mean', 0, 100, ['networkPressure']),
  water_leakage_m3: q('water_leakage_m3', 'Water lost to leakage', 'm³', 'sum', 0, 1e9, ['leakage']),
  waste_fill_pct: q('waste_fill_pct', 'Waste bin fill level', '%', 'mean', 0, 100, ['fill', 'fillingLevel']),
  temperature: q('temperature', 'Air temperature', '°C', 'mean', -90, 70, ['temp']),
  humidity: q('humidity', 'Relative humidity', '%', 'mean', 0, 100, ['rh', 'relativeHumidity']),
  rain_mm: q('rain_mm', 'Precipitation', 'mm', 'sum', 0, 1000, ['rain', 'precipitation']),
};

const byName = new Map<string, QuantityId>();
for (const def of Object.values(QUANTITIES)) {
  byName.set(def.id, def.id);
  for (const alias of def.aliases) byName.set(alias, def.id);
}

/** Resolves a quantity id or one of its aliases; undefined when the name is not in the vocabulary. */
export function findQuantity(name: string): QuantityId | undefined {
  return byName.get(name);
}

export function isQuantityId(name: string): name is QuantityId {
  return Object.hasOwn(QUANTITIES, name);
}
