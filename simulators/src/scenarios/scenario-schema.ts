import { Type, type Static } from '@sinclair/typebox';
import { MALFORMED_SHAPES } from '../faults/malformed.js';
import { PROFILE_NAMES } from './generic-kind.js';
import { PAYLOAD_FORMATS_LIST } from './payloads.js';

const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'Letters, digits, . _ -',
});
const Duration = Type.String({
  pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d|w|y)$',
  description: 'A time with a unit: 500ms, 10s, 5m, 6h, 2d, 1w, 1y',
});
const Rate = Type.Number({ minimum: 0, maximum: 1, description: 'Share, 0…1' });
const NonNegative = Type.Number({ minimum: 0 });
const Format = Type.Union(PAYLOAD_FORMATS_LIST.map((f) => Type.Literal(f)));
const opt = Type.Optional;

/** Overrides of one quantity's signal; unset fields keep the kind's calibration. */
export const QuantitySchema = Type.Object(
  {
    level: opt(Type.Number({ description: 'weekly mean, or amount per sensor per day for counters' })),
    noise: opt(NonNegative),
    bias: opt(NonNegative),
    rain: opt(NonNegative),
    diurnalAmplitude: opt(NonNegative),
    weeklyAmplitude: opt(NonNegative),
    trend: opt(Type.Number({ minimum: -0.99, maximum: 10, description: 'per year, e.g. -0.05' })),
    temperatureCoupling: opt(Type.Number({ minimum: -1, maximum: 1, description: 'per °C' })),
    unit: opt(Type.String({ minLength: 1, description: 'unit the sensors send the quantity in' })),
    profile: opt(Type.Union(PROFILE_NAMES.map((p) => Type.Literal(p)))),
  },
  { additionalProperties: false },
);

export const KindSchema = Type.Object(
  {
    format: opt(Format),
    /** Weights of a mix of formats, e.g. { senml: 3, ngsi: 1 }. */
    formats: opt(
      Type.Object(
        { senml: opt(NonNegative), json: opt(NonNegative), ngsi: opt(NonNegative) },
        { additionalProperties: false, minProperties: 1 },
      ),
    ),
    entityType: opt(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]*$' })),
    quantities: opt(Type.Record(Type.String(), QuantitySchema)),
  },
  { additionalProperties: false },
);

const SensorSchema = Type.Object(
  { id: Id, district: Id, kind: Type.String() },
  { additionalProperties: false },
);

const GenerateSchema = Type.Object(
  {
    kind: Type.String(),
    perDistrict: Type.Integer({ minimum: 1, maximum: 10_000 }),
    /** Districts to place them in; all known districts when absent. */
    districts: opt(Type.Array(Id, { minItems: 1 })),
    /** Ids are `<idPrefix>-<district>-<n>`; the kind with _ as - by default. */
    idPrefix: opt(Id),
  },
  { additionalProperties: false },
);

const Episode = Type.Object({ rate: Rate, duration: opt(Duration) }, { additionalProperties: false });

const FaultsSchema = Type.Object(
  {
    dropout: opt(Rate),
    silent: opt(Episode),
    spike: opt(
      Type.Object({ rate: Rate, factor: opt(Type.Number({ minimum: 0 })) }, { additionalProperties: false }),
    ),
    stuck: opt(Episode),
    drift: opt(
      Type.Object(
        { rate: Rate, duration: opt(Duration), magnitude: opt(Type.Number({ minimum: 0, maximum: 10 })) },
        { additionalProperties: false },
      ),
    ),
    clockSkew: opt(
      Type.Object(
        { rate: Rate, duration: opt(Duration), offset: opt(Duration) },
        { additionalProperties: false },
      ),
    ),
    duplicate: opt(Rate),
    outOfOrder: opt(Rate),
    malformed: opt(
      Type.Object(
        {
          rate: Rate,
          shapes: opt(Type.Array(Type.Union(MALFORMED_SHAPES.map((s) => Type.Literal(s))), { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    wrongUnit: opt(Rate),
  },
  { additionalProperties: false },
);

const ClimateSchema = Type.Object(
  {
    rainProbability: opt(Rate),
    meanRainIntensity: opt(NonNegative),
    winterTemperature: opt(Type.Number({ minimum: -60, maximum: 50 })),
    summerTemperature: opt(Type.Number({ minimum: -60, maximum: 50 })),
  },
  { additionalProperties: false },
);

/** A scenario file, as written (before the plan is read and defaults resolved). */
export const ScenarioFileSchema = Type.Object(
  {
    version: Type.Literal(1),
    name: Type.String({ minLength: 1 }),
    seed: opt(Type.Integer({ minimum: 0 })),
    /** A master plan whose sensors and districts the scenario uses; relative to the scenario file. */
    plan: opt(Type.String({ minLength: 1 })),
    /** Districts, when no plan gives them. */
    districts: opt(Type.Array(Id, { minItems: 1 })),
    sensors: opt(Type.Array(SensorSchema)),
    generate: opt(Type.Array(GenerateSchema)),
    climate: opt(ClimateSchema),
    /** Date at which trends are at their level, YYYY-MM-DD. */
    trendFrom: opt(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    kinds: opt(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), KindSchema)),
    faults: opt(FaultsSchema),
  },
  { additionalProperties: false },
);

export type ScenarioFile = Static<typeof ScenarioFileSchema>;
export type KindFile = Static<typeof KindSchema>;
export type QuantityFile = Static<typeof QuantitySchema>;
export type FaultsFile = Static<typeof FaultsSchema>;
