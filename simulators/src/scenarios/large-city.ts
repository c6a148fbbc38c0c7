import { validatePlan, type Plan, type PlanKpi, type PlanSensor } from '@ssc-monitor/core';
import { SimulatorError } from '../errors.js';
import { createRng } from './rng.js';

/** The scale of the benchmark city: 1,000 sensors and 50 plan KPIs. */
export const LARGE_CITY = { sensors: 1000, kpis: 50, seed: 2030 } as const;

export interface LargeCityOptions {
  readonly sensors: number;
  readonly kpis: number;
  readonly seed: number;
}

/**
 * KPIs worth tracking per district: means of what a district's own sensors measure. Sums and
 * per-capita KPIs are city-wide by nature (a district's energy over the city's population says
 * nothing), so they are not split.
 */
const PER_DISTRICT = [
  { id: 'env.air.pm25', kind: 'air_quality', label: 'PM2.5' },
  { id: 'env.air.no2', kind: 'air_quality', label: 'NO₂' },
  { id: 'env.air.pm10', kind: 'air_quality', label: 'PM10' },
  { id: 'soc.waste.fill', kind: 'waste', label: 'Bin fill' },
  { id: 'env.noise.laeq', kind: 'noise', label: 'Noise' },
  { id: 'eco.mobility.speed', kind: 'traffic', label: 'Traffic speed' },
  { id: 'env.noise.above55', kind: 'noise', label: 'Noise above 55 dB' },
] as const;

/** City-wide calendar KPIs added after the district instances, with the targets of a live sibling. */
const CITY_WIDE = [
  { id: 'env.air.pm25.annual', like: 'env.air.pm25' },
  { id: 'env.air.pm10.annual', like: 'env.air.pm10' },
  { id: 'env.air.no2.annual', like: 'env.air.no2' },
  { id: 'env.air.no2.median_daily', like: 'env.air.no2' },
  { id: 'env.noise.daily_peak', like: 'env.noise.laeq' },
] as const;

/** The plan's sensors repeated, kind and district kept, ids numbered, positions scattered ~300 m. */
function scaleSensors(base: readonly PlanSensor[], count: number, seed: number): PlanSensor[] {
  const rng = createRng(seed);
  const sensors: PlanSensor[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = base[i % base.length];
    if (template === undefined) break;
    const copy = Math.floor(i / base.length);
    if (copy === 0) {
      sensors.push(template);
      continue;
    }
    const jitter = (value: number | undefined, spread: number) =>
      value === undefined ? undefined : Math.round((value + rng.uniform(-spread, spread)) * 1e5) / 1e5;
    const lat = jitter(template.lat, 0.003);
    const lon = jitter(template.lon, 0.006);
    sensors.push({
      ...template,
      id: `${template.id}-${String(copy + 1).padStart(3, '0')}`,
      ...(lat === undefined ? {} : { lat }),
      ...(lon === undefined ? {} : { lon }),
    });
  }
  return sensors;
}

function scaleKpis(plan: Plan, count: number): PlanKpi[] {
  const kpis = [...plan.kpis];
  const byId = new Map(plan.kpis.map((k) => [k.id, k]));
  const kindsIn = (district: string) =>
    new Set(plan.sensors.filter((s) => s.district === district).map((s) => s.kind));
  for (const { id, kind, label } of PER_DISTRICT) {
    const base = byId.get(id);
    if (base === undefined) continue;
    for (const district of plan.city.districts) {
      if (kpis.length >= count) return kpis;
      if (!kindsIn(district.id).has(kind)) continue;
      const { maturity: _maturity, ...rest } = base;
      kpis.push({
        ...rest,
        id: `${id}.${district.id}`,
        definition: id,
        name: `${label} in ${district.name}`,
        scope: { districts: [district.id] },
      });
    }
  }
  for (const { id, like } of CITY_WIDE) {
    const sibling = byId.get(like);
    if (kpis.length >= count || sibling === undefined || byId.has(id)) continue;
    kpis.push({ id, baseline: sibling.baseline, targets: sibling.targets, trajectory: sibling.trajectory });
  }
  return kpis;
}

/**
 * The benchmark city: the demo plan with its sensors repeated to `sensors` and district instances
 * of its KPIs up to `kpis`. Deterministic: the same base plan and seed give the same city.
 */
export function enlargePlan(base: Plan, options: LargeCityOptions = LARGE_CITY): Plan {
  const sensors = scaleSensors(base.sensors, options.sensors, options.seed);
  const kpis = scaleKpis({ ...base, sensors }, options.kpis);
  const result = validatePlan({ ...base, sensors, kpis });
  if (!result.ok) {
    const issues = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new SimulatorError('SIM_ERR_BAD_OPTION', `the enlarged plan is invalid: ${issues}`);
  }
  if (result.plan.kpis.length < options.kpis)
    throw new SimulatorError(
      'SIM_ERR_BAD_OPTION',
      `the plan yields only ${result.plan.kpis.length} KPIs, fewer than the ${options.kpis} asked`,
    );
  return result.plan;
}
