import type { KpiDefinition } from './definition.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Bumped whenever a definition changes, so that a KPI value can say which catalogue produced it. */
export const CATALOGUE_VERSION = '2026.11.0';

const day = { kind: 'rolling', ms: DAY } as const;

/**
 * KPIs computable from sensor feeds, after the U4SSC KPIs for smart sustainable cities
 * (ITU-T Y.4903/L.1603) and ISO 37120:2018 / ISO 37122:2019. Rolling 24 h windows make them live
 * indicators; annual reporting values are the same formulas over a calendar year.
 */
export const CATALOGUE: readonly KpiDefinition[] = [
  {
    id: 'env.air.pm25',
    name: 'Fine particulate matter (PM2.5)',
    reference: 'U4SSC Environment › Air quality: Air pollution; ISO 37120:2018 8.1',
    dimension: 'Environment',
    subDimension: 'Air quality',
    unit: 'µg/m³',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'pm25' },
    description:
      'Mean PM2.5 concentration over all stations in the last 24 hours. WHO 2021 guideline: 15 µg/m³ (24 h), 5 µg/m³ (annual).',
  },
  {
    id: 'env.air.pm10',
    name: 'Particulate matter (PM10)',
    reference: 'U4SSC Environment › Air quality: Air pollution; ISO 37120:2018 8.2',
    dimension: 'Environment',
    subDimension: 'Air quality',
    unit: 'µg/m³',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'pm10' },
    description:
      'Mean PM10 concentration over all stations in the last 24 hours. WHO 2021 guideline: 45 µg/m³ (24 h), 15 µg/m³ (annual).',
  },
  {
    id: 'env.air.no2',
    name: 'Nitrogen dioxide (NO₂)',
    reference: 'U4SSC Environment › Air quality: Air pollution; ISO 37120:2018 8.4',
    dimension: 'Environment',
    subDimension: 'Air quality',
    unit: 'µg/m³',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'no2' },
    description:
      'Mean NO₂ concentration over all stations in the last 24 hours. WHO 2021 guideline: 25 µg/m³ (24 h), 10 µg/m³ (annual).',
  },
  {
    id: 'env.air.o3',
    name: 'Ozone (O₃)',
    reference: 'U4SSC Environment › Air quality: Air pollution; ISO 37120:2018 8.6',
    dimension: 'Environment',
    subDimension: 'Air quality',
    unit: 'µg/m³',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'o3' },
    description:
      'Mean O₃ concentration over all stations in the last 24 hours. WHO 2021 guideline: 100 µg/m³ (8 h).',
  },
  {
    id: 'env.noise.laeq',
    name: 'Noise level (LAeq)',
    reference: 'U4SSC Environment › Environmental quality: Noise exposure; ISO 37120:2018 8.7',
    dimension: 'Environment',
    subDimension: 'Noise',
    unit: 'dB(A)',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'noise_laeq' },
    description: 'Arithmetic mean of LAeq readings over all noise stations in the last 24 hours.',
  },
  {
    id: 'env.noise.above55',
    name: 'Time with noise above 55 dB(A)',
    reference: 'U4SSC Environment › Environmental quality: Noise exposure (WHO Lden 53–55 dB)',
    dimension: 'Environment',
    subDimension: 'Noise',
    unit: '%',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'share_above', quantity: 'noise_laeq', threshold: 55 },
    description:
      'Share of noise readings in the last 24 hours above 55 dB(A), the level above which WHO and the EU Environmental Noise Directive report exposure.',
  },
  {
    id: 'eco.mobility.traffic',
    name: 'Vehicles counted per day',
    reference: 'U4SSC Economy › Infrastructure › Transport: Traffic monitoring',
    dimension: 'Economy',
    subDimension: 'Transport',
    unit: 'vehicles/day',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'sum', quantity: 'traffic_count' },
    description: 'Vehicles counted at all traffic counters in the last 24 hours.',
  },
  {
    id: 'eco.mobility.speed',
    name: 'Mean traffic speed',
    reference: 'U4SSC Economy › Infrastructure › Transport: Travel time index (speed proxy)',
    dimension: 'Economy',
    subDimension: 'Transport',
    unit: 'km/h',
    direction: 'higher_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'traffic_speed' },
    description: 'Mean vehicle speed reported by traffic counters in the last 24 hours.',
  },
  {
    id: 'eco.mobility.cycling',
    name: 'Bicycles counted per day',
    reference: 'U4SSC Economy › Infrastructure › Transport: Bicycle network; ISO 37122:2019 19.3',
    dimension: 'Economy',
    subDimension: 'Transport',
    unit: 'bicycles/day',
    direction: 'higher_is_better',
    window: day,
    formula: { kind: 'sum', quantity: 'cycling_count' },
    description: 'Bicycles counted at all cycling counters in the last 24 hours.',
  },
  {
    id: 'env.energy.per_capita',
    name: 'Electricity consumption per capita',
    reference: 'U4SSC Environment › Energy: Electricity consumption; ISO 37120:2018 7.1',
    dimension: 'Environment',
    subDimension: 'Energy',
    unit: 'kWh/person/day',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'per_capita', quantity: 'energy_kwh', scale: 1 },
    description: 'Metered electricity consumption in the last 24 hours divided by the city population.',
  },
  {
    id: 'env.energy.renewable_share',
    name: 'Renewable share of electricity',
    reference: 'U4SSC Environment › Energy: Renewable energy consumption; ISO 37120:2018 7.2',
    dimension: 'Environment',
    subDimension: 'Energy',
    unit: '%',
    direction: 'higher_is_better',
    window: day,
    formula: { kind: 'ratio', numerator: 'pv_kwh', denominator: 'energy_kwh', scale: 100 },
    description: 'Local photovoltaic generation as a share of metered consumption in the last 24 hours.',
  },
  {
    id: 'env.water.per_capita',
    name: 'Water consumption per capita',
    reference: 'U4SSC Environment › Water and sanitation: Water consumption; ISO 37120:2018 21.5',
    dimension: 'Environment',
    subDimension: 'Water and sanitation',
    unit: 'L/person/day',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'per_capita', quantity: 'water_m3', scale: 1000 },
    description: 'Metered water consumption in the last 24 hours, in litres per inhabitant.',
  },
  {
    id: 'env.water.loss',
    name: 'Water network loss',
    reference: 'U4SSC Environment › Water and sanitation: Drinking water system leakage; ISO 37120:2018 21.7',
    dimension: 'Environment',
    subDimension: 'Water and sanitation',
    unit: '%',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'ratio', numerator: 'water_leakage_m3', denominator: 'water_m3', scale: 100 },
    description: 'Estimated leakage as a share of water put into the network in the last 24 hours.',
  },
  {
    id: 'soc.waste.fill',
    name: 'Mean waste bin fill level',
    reference: 'U4SSC Environment › Waste: Solid waste collection (ISO 37122:2019 16, sensor-monitored bins)',
    dimension: 'Society and Culture',
    subDimension: 'Waste',
    unit: '%',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'waste_fill_pct' },
    description: 'Mean fill level of sensor-equipped public bins in the last 24 hours.',
  },
  {
    id: 'env.climate.temperature',
    name: 'Mean air temperature',
    reference: 'U4SSC Environment › Environmental quality: Heat (ISO 37122:2019 8, urban heat monitoring)',
    dimension: 'Environment',
    subDimension: 'Climate',
    unit: '°C',
    direction: 'lower_is_better',
    window: day,
    formula: { kind: 'mean', quantity: 'temperature' },
    description: 'Mean air temperature over all weather stations in the last 24 hours.',
  },
];

const byId = new Map(CATALOGUE.map((definition) => [definition.id, definition]));

export function findKpiDefinition(id: string): KpiDefinition | undefined {
  return byId.get(id);
}
