import { acceptedUnits, toCanonicalUnit, type QuantityId, type Reading } from '@ssc-monitor/core';
import { declaredUnit, type Encoding } from '../scenarios/encode.js';
import type { SensorBatch } from '../scenarios/messages.js';
import { fromCanonical } from '../scenarios/payloads.js';
import { createRng, hashSeed } from '../scenarios/rng.js';
import type { EpisodeFault, FaultConfig, FaultName } from './fault-config.js';

/**
 * A uniform draw in [0, 1) that is a pure function of what it decides: the seed, the fault, the
 * sensor and the time (plus a detail such as the quantity). Nothing depends on call order.
 */
export function draw(seed: number, fault: FaultName, sensorId: string, t: number, detail = ''): number {
  return createRng(hashSeed(seed, 'fault', fault, sensorId, t, detail)).next();
}

/** The episode window t falls in, when that window of the sensor is affected. */
export function episodeAt(
  seed: number,
  fault: FaultName,
  episode: EpisodeFault,
  sensorId: string,
  t: number,
) {
  if (episode.rate <= 0) return undefined;
  const window = Math.floor(t / episode.durationMs);
  if (draw(seed, fault, sensorId, window) >= episode.rate) return undefined;
  return { window, start: window * episode.durationMs };
}

/** What the sensor remembers while stuck: the window and the values it repeats. */
export type StuckMemory = Map<string, { readonly window: number; readonly values: readonly number[] }>;

export interface FaultedBatch {
  readonly batch: SensorBatch;
  readonly faults: readonly FaultName[];
}

const withValues = (batch: SensorBatch, values: readonly number[]): SensorBatch => ({
  ...batch,
  readings: batch.readings.map((r, i) => ({ ...r, value: values[i] ?? r.value })),
});

const withTs = (readings: readonly Reading[], ts: number): Reading[] => readings.map((r) => ({ ...r, ts }));

/**
 * A unit the value could mistakenly be sent in: the first accepted unit whose conversion differs from
 * the declared one (ppb for µg/m³, Wh for kWh, K for °C). Undefined where every unit is the same scale.
 */
export function wrongUnitFor(quantity: QuantityId, declared: string): string | undefined {
  const sameAs = (unit: string) =>
    toCanonicalUnit(quantity, 1, unit) === toCanonicalUnit(quantity, 1, declared) &&
    toCanonicalUnit(quantity, 0, unit) === toCanonicalUnit(quantity, 0, declared);
  return acceptedUnits(quantity).find((unit) => !sameAs(unit));
}

/** The canonical value that, encoded with its declared unit, carries the number of another unit. */
function mislabelled(reading: Reading, encoding: Encoding): number {
  const declared = declaredUnit(encoding, reading.quantity);
  const wrong = wrongUnitFor(reading.quantity, declared);
  const number = wrong === undefined ? undefined : fromCanonical(reading.quantity, reading.value, wrong);
  return number === undefined
    ? reading.value
    : (toCanonicalUnit(reading.quantity, number, declared) ?? reading.value);
}

/** Faults that silence a message. */
export function isDropped(config: FaultConfig, seed: number, batch: SensorBatch): FaultName | undefined {
  const id = batch.sensor.id;
  if (episodeAt(seed, 'silent', config.silent, id, batch.t)) return 'silent';
  if (config.dropout > 0 && draw(seed, 'dropout', id, batch.t) < config.dropout) return 'dropout';
  return undefined;
}

function stick(
  config: FaultConfig,
  seed: number,
  batch: SensorBatch,
  memory: StuckMemory,
): SensorBatch | undefined {
  const id = batch.sensor.id;
  const episode = episodeAt(seed, 'stuck', config.stuck, id, batch.t);
  const remembered = memory.get(id);
  if (episode === undefined) {
    memory.delete(id);
    return undefined;
  }
  if (remembered?.window === episode.window) return withValues(batch, remembered.values);
  // The first message of the window goes out as measured; the following ones repeat it.
  memory.set(id, { window: episode.window, values: batch.readings.map((r) => r.value) });
  return undefined;
}

function skewed(config: FaultConfig, seed: number, batch: SensorBatch): SensorBatch | undefined {
  const skew = episodeAt(seed, 'clockSkew', config.clockSkew, batch.sensor.id, batch.t);
  if (skew === undefined) return undefined;
  const sign = draw(seed, 'clockSkew', batch.sensor.id, skew.window, 'sign') < 0.5 ? -1 : 1;
  return { ...batch, readings: withTs(batch.readings, batch.t + sign * config.clockSkew.offsetMs) };
}

function drifted(config: FaultConfig, seed: number, batch: SensorBatch): SensorBatch | undefined {
  const drift = episodeAt(seed, 'drift', config.drift, batch.sensor.id, batch.t);
  if (drift === undefined) return undefined;
  const sign = draw(seed, 'drift', batch.sensor.id, drift.window, 'sign') < 0.5 ? -1 : 1;
  const factor = 1 + (sign * config.drift.magnitude * (batch.t - drift.start)) / config.drift.durationMs;
  return withValues(
    batch,
    batch.readings.map((r) => r.value * factor),
  );
}

function spiked(config: FaultConfig, seed: number, batch: SensorBatch): SensorBatch | undefined {
  if (config.spike.rate <= 0) return undefined;
  const { factor } = config.spike;
  const hit = batch.readings.map(
    (r) => draw(seed, 'spike', batch.sensor.id, batch.t, r.quantity) < config.spike.rate,
  );
  if (!hit.some(Boolean)) return undefined;
  // A zero (a quiet counter at night) becomes the factor itself, so the spike is visible.
  const spike = (value: number) => (value === 0 ? factor : value * factor);
  return withValues(
    batch,
    batch.readings.map((r, i) => (hit[i] ? spike(r.value) : r.value)),
  );
}

function misunit(config: FaultConfig, seed: number, batch: SensorBatch): SensorBatch | undefined {
  if (config.wrongUnit <= 0 || draw(seed, 'wrongUnit', batch.sensor.id, batch.t) >= config.wrongUnit)
    return undefined;
  const values = batch.readings.map((r) => mislabelled(r, batch.sensor.encoding));
  return values.some((v, i) => v !== batch.readings[i]?.value) ? withValues(batch, values) : undefined;
}

type Step = (
  config: FaultConfig,
  seed: number,
  batch: SensorBatch,
  memory: StuckMemory,
) => SensorBatch | undefined;

/** Faults that change what a message says, in the order they apply. */
const STEPS: ReadonlyArray<readonly [FaultName, Step]> = [
  ['clockSkew', skewed],
  ['stuck', stick],
  ['drift', drifted],
  ['spike', spiked],
  ['wrongUnit', misunit],
];

/** Applies the value faults to one batch: the batch as it will be encoded, and the faults that hit it. */
export function applyValueFaults(
  config: FaultConfig,
  seed: number,
  input: SensorBatch,
  memory: StuckMemory,
): FaultedBatch {
  const faults: FaultName[] = [];
  let batch = input;
  for (const [name, step] of STEPS) {
    const next = step(config, seed, batch, memory);
    if (next === undefined) continue;
    batch = next;
    faults.push(name);
  }
  return { batch, faults };
}
