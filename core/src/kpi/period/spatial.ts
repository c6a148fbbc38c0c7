import type { SpatialAggregation } from '../definition.js';

export interface SpatialContext {
  districtOf(sensorId: string): string;
  districtPopulation(districtId: string): number | undefined;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Combines station values into the city value: the plain mean of stations, the mean of district
 * means, or district means weighted by district population (SDG 11.6.2). 'pooled' is handled by the
 * caller, since it needs the readings, not station values; here it falls back to the mean of stations.
 */
export function combineStations(
  values: ReadonlyMap<string, number>,
  how: SpatialAggregation,
  context: SpatialContext,
): number | null {
  if (how === 'pooled' || how === 'stations') return mean([...values.values()]);
  const byDistrict = new Map<string, number[]>();
  for (const [sensorId, value] of values) {
    const district = context.districtOf(sensorId);
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), value]);
  }
  const districtMeans = [...byDistrict].map(([district, list]) => ({ district, value: mean(list) ?? 0 }));
  if (how === 'districts') return mean(districtMeans.map((d) => d.value));
  let weighted = 0;
  let people = 0;
  for (const { district, value } of districtMeans) {
    const population = context.districtPopulation(district);
    // A district without a population figure cannot be weighted: it is left out, not guessed.
    if (population === undefined || population <= 0) continue;
    weighted += value * population;
    people += population;
  }
  return people === 0 ? mean(districtMeans.map((d) => d.value)) : weighted / people;
}
