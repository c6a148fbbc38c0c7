import type { QuantityId, Reading } from '@ssc-monitor/core';
import { centredGaussians } from './draws.js';
import type { Interval, KindModel, SensorProfile } from './model.js';
import type { Encoding } from './encode.js';
import { createRng, hashSeed } from './rng.js';
import type { FormatMix, Scenario, ScenarioKind, SimSensor } from './scenario.js';
import type { PayloadFormat } from './payloads.js';
import type { SignalParams } from './signal.js';
import { localTime } from './time.js';
import { cityWeather } from './weather.js';

/** A sensor the city simulates: its kind has a model, and it speaks one payload format. */
export interface SimulatedSensor extends SimSensor {
  readonly kind: string;
  readonly encoding: Encoding;
}

/**
 * A simulated city: a pure, seeded model of every sensor's readings. No I/O and no wall clock; the
 * same scenario, seed, t and Δt always give the same readings.
 */
export interface SimCity {
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
  /** Trend and temperature coupling per quantity, only where the scenario sets them. */
  readonly modifiers: ReadonlyArray<SignalParams | undefined>;
}

const YEAR_MS = 365.25 * 86_400_000;

function profilesOfKind(seed: number, sensors: readonly SimSensor[]): SensorProfile[] {
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

/** Draws a sensor's format from the kind's mix by its id and the seed: stable for the sensor. */
export function pickFormat(mix: FormatMix, seed: number, sensorId: string): PayloadFormat {
  const entries = Object.entries(mix).filter(([, w]) => w !== undefined && w > 0) as Array<
    [PayloadFormat, number]
  >;
  if (entries.length === 1) return entries[0]?.[0] ?? 'json';
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let draw = createRng(hashSeed(seed, 'format', sensorId)).next() * total;
  for (const [format, weight] of entries) {
    draw -= weight;
    if (draw < 0) return format;
  }
  return entries[entries.length - 1]?.[0] ?? 'json';
}

function modifiersOf(model: KindModel, kind: ScenarioKind): Array<SignalParams | undefined> {
  return model.quantities.map((q: QuantityId) => {
    const p = kind.params[q];
    return p !== undefined && (p.trend !== 0 || p.temperatureCoupling !== 0) ? p : undefined;
  });
}

function buildMembers(scenario: Scenario, seed: number, sensors: readonly SimulatedSensor[]): Member[] {
  const members: Member[] = [];
  const byKind = new Map<string, SimulatedSensor[]>();
  for (const sensor of sensors) {
    const group = byKind.get(sensor.kind);
    if (group) group.push(sensor);
    else byKind.set(sensor.kind, [sensor]);
  }
  const profiles = new Map<string, SensorProfile>();
  for (const group of byKind.values()) for (const p of profilesOfKind(seed, group)) profiles.set(p.id, p);
  const models = new Map<string, { model: KindModel; modifiers: Array<SignalParams | undefined> }>();
  for (const [name, kind] of Object.entries(scenario.kinds)) {
    const model = kind.definition.create(kind.params);
    models.set(name, { model, modifiers: modifiersOf(model, kind) });
  }
  for (const sensor of sensors) {
    const profile = profiles.get(sensor.id);
    const built = models.get(sensor.kind);
    if (profile && built) members.push({ sensor, profile, ...built });
  }
  return members;
}

/** Long-term trend and weather coupling, applied only where a scenario asks for them. */
function modify(
  value: number,
  p: SignalParams,
  interval: Interval,
  trendFrom: number,
  meanTemperature: number,
) {
  const years = (interval.t - trendFrom) / YEAR_MS;
  const trend = p.trend === 0 ? 1 : (1 + p.trend) ** years;
  const coupling =
    p.temperatureCoupling === 0
      ? 1
      : Math.max(0, 1 + p.temperatureCoupling * (interval.weather.temperature - meanTemperature));
  return value * trend * coupling;
}

function classify(scenario: Scenario, seed: number) {
  const simulated: SimulatedSensor[] = [];
  const unsupported: SimSensor[] = [];
  for (const sensor of scenario.sensors) {
    const kind =
      sensor.kind !== undefined && Object.hasOwn(scenario.kinds, sensor.kind)
        ? scenario.kinds[sensor.kind]
        : undefined;
    if (kind === undefined || sensor.kind === undefined) {
      unsupported.push(sensor);
      continue;
    }
    const format = pickFormat(kind.formats, seed, sensor.id);
    simulated.push({
      ...sensor,
      kind: sensor.kind,
      encoding: { format, units: kind.units, entityType: kind.entityType },
    });
  }
  return { simulated, unsupported };
}

export function createCity(scenario: Scenario, seed: number = scenario.seed): SimCity {
  const { simulated, unsupported } = classify(scenario, seed);
  const members = buildMembers(scenario, seed, simulated);
  const { climate, trendFrom } = scenario;
  const meanTemperature = (climate.winterTemperature + climate.summerTemperature) / 2;
  return {
    seed,
    sensors: simulated,
    unsupported,
    readings(t, dtMs) {
      if (!Number.isFinite(t) || !(dtMs > 0)) throw new RangeError(`bad interval: t=${t}, dtMs=${dtMs}`);
      const mid = t - dtMs / 2;
      const interval: Interval = {
        t,
        dtMs,
        mid,
        local: localTime(mid),
        weather: cityWeather(seed, mid, climate),
        climate,
      };
      const out: Reading[] = [];
      for (const { sensor, model, profile, modifiers } of members) {
        const values = model.sample(profile, interval);
        model.quantities.forEach((quantity, i) => {
          const raw = values[i] ?? 0;
          const p = modifiers[i];
          const value = p === undefined ? raw : modify(raw, p, interval, trendFrom, meanTemperature);
          out.push({ sensorId: sensor.id, quantity, value, ts: t });
        });
      }
      return out;
    },
  };
}
