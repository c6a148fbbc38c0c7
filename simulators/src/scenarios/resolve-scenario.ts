import { isQuantityId, parseDurationMs, type QuantityId } from '@ssc-monitor/core';
import { NO_FAULTS, type EpisodeFault, type FaultConfig } from '../faults/fault-config.js';
import { genericKind, type GenericQuantity } from './generic-kind.js';
import { isSensorKind, KIND_DEFINITIONS } from './kinds/index.js';
import type { KindDefinition } from './model.js';
import { ngsiEntityType } from './ngsi-payload.js';
import type { UnitTable } from './payloads.js';
import {
  BUILT_IN_KINDS,
  DEFAULT_TREND_FROM,
  type FormatMix,
  type Scenario,
  type ScenarioKind,
  type SimSensor,
} from './scenario.js';
import type { FaultsFile, KindFile, QuantityFile, ScenarioFile } from './scenario-schema.js';
import type { PlanContext } from './scenario-checks.js';
import { signal, SIGNAL_PARAM_NAMES, type ParamTable, type SignalParams } from './signal.js';
import { DEFAULT_CLIMATE } from './weather.js';

/** Noise and site spread of a new kind's quantities unless the scenario says otherwise (relative). */
const GENERIC_NOISE = 0.05;
const GENERIC_BIAS = 0.1;

function withOverrides(base: SignalParams, spec: QuantityFile): SignalParams {
  const out: Record<keyof SignalParams, number> = { ...base };
  for (const name of SIGNAL_PARAM_NAMES) {
    const value = spec[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function quantitiesOf(file: KindFile): Array<[QuantityId, QuantityFile]> {
  return Object.entries(file.quantities ?? {}).flatMap(([name, spec]) =>
    isQuantityId(name) ? [[name, spec] as [QuantityId, QuantityFile]] : [],
  );
}

function unitsOf(file: KindFile): UnitTable {
  return Object.fromEntries(
    quantitiesOf(file).flatMap(([q, spec]) => (spec.unit === undefined ? [] : [[q, spec.unit]])),
  );
}

function formatsOf(file: KindFile, fallback: FormatMix): FormatMix {
  if (file.formats !== undefined) return file.formats;
  return file.format === undefined ? fallback : { [file.format]: 1 };
}

function definitionOf(kind: string, file: KindFile): { definition: KindDefinition; params: ParamTable } {
  if (isSensorKind(kind)) {
    const definition = KIND_DEFINITIONS[kind];
    const params: ParamTable = Object.fromEntries(
      quantitiesOf(file).flatMap(([q, spec]) => {
        const base = definition.defaults[q];
        return base === undefined ? [] : [[q, withOverrides(base, spec)]];
      }),
    );
    return { definition, params };
  }
  const specs: GenericQuantity[] = quantitiesOf(file).map(([quantity, spec]) => ({
    quantity,
    profile: spec.profile ?? 'flat',
    params: withOverrides(signal(spec.level ?? 0, GENERIC_NOISE, GENERIC_BIAS), spec),
  }));
  const definition = genericKind(specs);
  return { definition, params: definition.defaults };
}

function resolveKind(kind: string, file: KindFile): ScenarioKind {
  const fallback = BUILT_IN_KINDS[kind]?.formats ?? { json: 1 };
  return {
    ...definitionOf(kind, file),
    units: unitsOf(file),
    formats: formatsOf(file, fallback),
    entityType: file.entityType ?? ngsiEntityType(kind),
  };
}

function generatedSensors(file: ScenarioFile, districts: readonly string[]): SimSensor[] {
  return (file.generate ?? []).flatMap((rule) => {
    const prefix = rule.idPrefix ?? rule.kind.replace(/_/g, '-');
    return (rule.districts ?? districts).flatMap((district) =>
      Array.from({ length: rule.perDistrict }, (_, i) => ({
        id: `${prefix}-${district}-${i + 1}`,
        district,
        kind: rule.kind,
      })),
    );
  });
}

const ms = (text: string | undefined, fallback: number) =>
  text === undefined ? fallback : (parseDurationMs(text) ?? fallback);

function episode(spec: { rate: number; duration?: string } | undefined, base: EpisodeFault): EpisodeFault {
  return spec === undefined ? base : { rate: spec.rate, durationMs: ms(spec.duration, base.durationMs) };
}

export function resolveFaults(file: FaultsFile | undefined): FaultConfig {
  const d = NO_FAULTS;
  if (file === undefined) return d;
  return {
    dropout: file.dropout ?? d.dropout,
    silent: episode(file.silent, d.silent),
    spike: { rate: file.spike?.rate ?? 0, factor: file.spike?.factor ?? d.spike.factor },
    stuck: episode(file.stuck, d.stuck),
    drift: { ...episode(file.drift, d.drift), magnitude: file.drift?.magnitude ?? d.drift.magnitude },
    clockSkew: {
      ...episode(file.clockSkew, d.clockSkew),
      offsetMs: ms(file.clockSkew?.offset, d.clockSkew.offsetMs),
    },
    duplicate: file.duplicate ?? d.duplicate,
    outOfOrder: file.outOfOrder ?? d.outOfOrder,
    malformed: { rate: file.malformed?.rate ?? 0, shapes: file.malformed?.shapes ?? d.malformed.shapes },
    wrongUnit: file.wrongUnit ?? d.wrongUnit,
  };
}

/**
 * Builds the scenario a city runs from a validated file and the plan it references: the built-in
 * kinds at their calibration unless overridden, the plan's sensors, then listed and generated ones.
 */
export function resolveScenario(file: ScenarioFile, plan?: PlanContext): Scenario {
  const kinds: Record<string, ScenarioKind> = { ...BUILT_IN_KINDS };
  for (const [name, spec] of Object.entries(file.kinds ?? {})) kinds[name] = resolveKind(name, spec);
  const districts = [...new Set([...(plan?.districts ?? []), ...(file.districts ?? [])])];
  return {
    name: file.name,
    seed: file.seed ?? 1,
    climate: { ...DEFAULT_CLIMATE, ...file.climate },
    trendFrom: file.trendFrom === undefined ? DEFAULT_TREND_FROM : Date.parse(`${file.trendFrom}T00:00:00Z`),
    kinds,
    sensors: [...(plan?.sensors ?? []), ...(file.sensors ?? []), ...generatedSensors(file, districts)],
    faults: resolveFaults(file.faults),
  };
}
