import type { Reading } from '@ssc-monitor/core';
import { createCity, type SimCity } from './city.js';
import { defaultScenario, type SimSensor } from './scenario.js';

export type { SimSensor } from './scenario.js';
export type { SimulatedSensor } from './city.js';

/** The demo city: the built-in kinds at their calibration, for a plan's sensors. */
export type DemoCity = SimCity;

export function createDemoCity(sensors: readonly SimSensor[], seed: number): DemoCity {
  return createCity(defaultScenario(sensors, seed), seed);
}

/** One-shot form of {@link createDemoCity}: the readings of all sensors for the interval ending at t. */
export function generateDemoReadings(
  sensors: readonly SimSensor[],
  seed: number,
  t: number,
  dtMs: number,
): Reading[] {
  return createDemoCity(sensors, seed).readings(t, dtMs);
}
