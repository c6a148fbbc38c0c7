import type { PlanSensor, Reading } from '@ssc-monitor/core';
import { centredGaussians } from './draws.js';
import { isSensorKind, KIND_MODELS, type SensorKind } from './kinds/index.js';
import type { Interval, KindModel, SensorProfile } from './model.js';
import { hashSeed } from './rng.js';
import { localTime } from './time.js';
import { cityWeather } from './weather.js';

/** What the simulator needs of a plan sensor. */
export type SimSensor = Pick<PlanSensor, 'id' | 'district' | 'kind'>;

/** A sensor the city simulates, with the kind narrowed to one that has a model. */
export interface SimulatedSensor extends SimSensor {
  readonly kind: SensorKind;
}

/**
 * The demo city: a pure, seeded model of every sensor's readings. No I/O and no wall clock; the same
 * seed, sensors, t and Δt always give the same readings.
 */
export interface DemoCity {
  readonly seed: number;
  readonly sensors: readonly SimulatedSensor[];
  /** Sensors whose kind has no model; they produce no readings. */
  readonly unsupported: readonly SimSensor[];
  /**
   * Readings each sensor reports for the interval (t − dtMs, t], timestamped t (epoch ms).
   * Counters and volumes are amounts over the interval; levels are the interval's value.
   */
  readings(t: number, dtMs: number): Reading[];
}

interface Member {
  readonly sensor: SimulatedSensor;
  readonly model: KindModel;
  readonly profile: SensorProfile;
}

function profilesOfKind(seed: number, sensors: readonly SimulatedSensor[]): SensorProfile[] {
  const keys = sensors.map((s) => hashSeed(seed, s.id));
  const biases = centredGaussians(keys.map((key) => hashSeed(key, 'bias')));
  return sensors.map((s, index) => ({
    id: s.id,
    key: keys[index] ?? 0,
    bias: biases[index] ?? 0,
    index,
    count: sensors.length,
  }));
}

function buildMembers(seed: number, sensors: readonly SimulatedSensor[]): Member[] {
  const byKind = new Map<SensorKind, SimulatedSensor[]>();
  for (const sensor of sensors) byKind.set(sensor.kind, [...(byKind.get(sensor.kind) ?? []), sensor]);
  const profiles = new Map<string, SensorProfile>();
  for (const group of byKind.values()) {
    for (const profile of profilesOfKind(seed, group)) profiles.set(profile.id, profile);
  }
  return sensors.flatMap((sensor) => {
    const profile = profiles.get(sensor.id);
    return profile ? [{ sensor, model: KIND_MODELS[sensor.kind], profile }] : [];
  });
}

function intervalOf(seed: number, t: number, dtMs: number): Interval {
  if (!Number.isFinite(t) || !(dtMs > 0)) throw new RangeError(`bad interval: t=${t}, dtMs=${dtMs}`);
  const mid = t - dtMs / 2;
  return { t, dtMs, mid, local: localTime(mid), weather: cityWeather(seed, mid) };
}

export function createDemoCity(sensors: readonly SimSensor[], seed: number): DemoCity {
  const simulated: SimulatedSensor[] = [];
  const unsupported: SimSensor[] = [];
  for (const sensor of sensors) {
    if (isSensorKind(sensor.kind)) simulated.push({ ...sensor, kind: sensor.kind });
    else unsupported.push(sensor);
  }
  const members = buildMembers(seed, simulated);
  return {
    seed,
    sensors: simulated,
    unsupported,
    readings(t, dtMs) {
      const interval = intervalOf(seed, t, dtMs);
      const out: Reading[] = [];
      for (const { sensor, model, profile } of members) {
        const values = model.sample(profile, interval);
        model.quantities.forEach((quantity, i) => {
          out.push({ sensorId: sensor.id, quantity, value: values[i] ?? 0, ts: t });
        });
      }
      return out;
    },
  };
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
