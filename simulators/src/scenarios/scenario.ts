import type { PlanSensor } from '@ssc-monitor/core';
import { NO_FAULTS, type FaultConfig } from '../faults/fault-config.js';
import { KIND_DEFINITIONS, SENSOR_KINDS, type SensorKind } from './kinds/index.js';
import type { KindDefinition } from './model.js';
import { ngsiEntityType } from './ngsi-payload.js';
import { PAYLOAD_FORMATS, type PayloadFormat, type UnitTable } from './payloads.js';
import type { ParamTable } from './signal.js';
import { DEFAULT_CLIMATE, type Climate } from './weather.js';

/** What the simulator needs of a plan sensor. */
export type SimSensor = Pick<PlanSensor, 'id' | 'district' | 'kind'>;

/** Weights of the payload formats a kind's sensors speak; each sensor gets one, drawn by its id. */
export type FormatMix = Readonly<Partial<Record<PayloadFormat, number>>>;

/** A sensor kind as a scenario runs it. */
export interface ScenarioKind {
  readonly definition: KindDefinition;
  /** Parameters that differ from the definition's defaults, complete per quantity. */
  readonly params: ParamTable;
  /** Units the kind's sensors send, where not the format's default. */
  readonly units: UnitTable;
  readonly formats: FormatMix;
  readonly entityType: string;
}

/** A resolved scenario: everything a simulated city is built from. */
export interface Scenario {
  readonly name: string;
  /** Default seed; the command line may override it. */
  readonly seed: number;
  readonly climate: Climate;
  /** Epoch ms at which trends are at their level; they compound per year from there. */
  readonly trendFrom: number;
  readonly kinds: Readonly<Record<string, ScenarioKind>>;
  readonly sensors: readonly SimSensor[];
  readonly faults: FaultConfig;
}

/** The reference date of trends when a scenario gives none. */
export const DEFAULT_TREND_FROM = Date.UTC(2026, 0, 1);

export function builtInKind(kind: SensorKind): ScenarioKind {
  return {
    definition: KIND_DEFINITIONS[kind],
    params: {},
    units: {},
    formats: { [PAYLOAD_FORMATS[kind]]: 1 },
    entityType: ngsiEntityType(kind),
  };
}

export const BUILT_IN_KINDS: Readonly<Record<string, ScenarioKind>> = Object.fromEntries(
  SENSOR_KINDS.map((kind) => [kind, builtInKind(kind)]),
);

/** Today's demo: the built-in kinds at their calibration, no trends, no faults. */
export function defaultScenario(sensors: readonly SimSensor[], seed = 1): Scenario {
  return {
    name: 'demo city',
    seed,
    climate: DEFAULT_CLIMATE,
    trendFrom: DEFAULT_TREND_FROM,
    kinds: BUILT_IN_KINDS,
    sensors,
    faults: NO_FAULTS,
  };
}
