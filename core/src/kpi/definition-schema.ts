import { Type, type TLiteral, type TUnion } from '@sinclair/typebox';
import { QUANTITY_IDS } from '../vocabulary/quantities.js';
import { DIMENSIONS } from './definition.js';

const literals = <T extends string>(values: readonly T[], description: string): TUnion<TLiteral<T>[]> =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

const Quantity = literals(QUANTITY_IDS, 'Measured quantity id');
const DayAggregate = literals(
  ['mean', 'max', 'min', 'sum'] as const,
  "How a station's day of readings combines",
);

/** JSON schema of a KPI formula: served by the API and used to validate catalogue extensions. */
export const FormulaSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('mean'), quantity: Quantity }),
    Type.Object({ kind: Type.Literal('sum'), quantity: Quantity, scale: Type.Optional(Type.Number()) }),
    Type.Object({ kind: Type.Union([Type.Literal('min'), Type.Literal('max')]), quantity: Quantity }),
    Type.Object({ kind: Type.Literal('share_above'), quantity: Quantity, threshold: Type.Number() }),
    Type.Object({ kind: Type.Literal('share_below'), quantity: Quantity, threshold: Type.Number() }),
    Type.Object({
      kind: Type.Literal('ratio'),
      numerator: Quantity,
      denominator: Quantity,
      scale: Type.Number(),
    }),
    Type.Object({
      kind: Type.Literal('per_capita'),
      quantity: Quantity,
      scale: Type.Number(),
      perDay: Type.Optional(Type.Boolean()),
    }),
    Type.Object({ kind: Type.Literal('median'), quantity: Quantity, day: DayAggregate }),
    Type.Object({
      kind: Type.Literal('percentile'),
      quantity: Quantity,
      day: DayAggregate,
      p: Type.Number(),
    }),
    Type.Object({
      kind: Type.Literal('count_days_above'),
      quantity: Quantity,
      day: DayAggregate,
      threshold: Type.Number(),
    }),
    Type.Object({
      kind: Type.Literal('change_rate'),
      of: Type.Object({ kind: Type.Union([Type.Literal('mean'), Type.Literal('sum')]), quantity: Quantity }),
    }),
  ],
  { description: 'How the KPI is computed from the readings of its window' },
);

export const KpiWindowSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('rolling'), ms: Type.Integer({ description: 'Window length, ms' }) }),
    Type.Object({
      kind: Type.Literal('calendar'),
      unit: literals(['day', 'month', 'year'] as const, 'Calendar period in the city time zone'),
    }),
  ],
  { description: 'The period a value is computed over' },
);

export const KpiDefinitionSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    reference: Type.String({ description: 'Reference in the U4SSC KPI set or ISO 37120/37122' }),
    dimension: literals(DIMENSIONS, 'U4SSC dimension'),
    subDimension: Type.String(),
    unit: Type.String(),
    direction: literals(['lower_is_better', 'higher_is_better'] as const, 'Which way is progress'),
    window: KpiWindowSchema,
    formula: FormulaSchema,
    description: Type.String(),
    spatial: Type.Optional(
      literals(
        ['pooled', 'stations', 'districts', 'population_weighted'] as const,
        'How stations combine into the city value',
      ),
    ),
    coverage: Type.Optional(
      Type.Object({
        minHoursPerDay: Type.Integer({ minimum: 1, maximum: 24 }),
        minShare: Type.Number({ minimum: 0, maximum: 1 }),
      }),
    ),
    references: Type.Optional(
      Type.Array(Type.Object({ label: Type.String(), value: Type.Number(), source: Type.String() }), {
        description: 'Guideline and limit values (WHO 2021, EU, U4SSC bands)',
      }),
    ),
  },
  { description: 'A catalogue KPI definition' },
);
