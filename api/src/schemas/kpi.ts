import { Type } from '@sinclair/typebox';
import {
  CATALOGUE_VERSION,
  DATA_QUALITY,
  DIMENSIONS,
  FrozenBaselineSchema,
  KpiDefinitionSchema,
} from '@ssc-monitor/core';
import { EpochMs, NullableNumber, ReadonlyList, stringEnum } from './common.js';

const Dimension = stringEnum(DIMENSIONS, { description: 'U4SSC dimension' });
const Direction = stringEnum(['lower_is_better', 'higher_is_better'] as const, {
  description: 'Which way is progress',
});
const CalendarDate = Type.String({ description: 'Calendar date, YYYY-MM-DD' });

export const TargetSchema = Type.Object({
  horizon: stringEnum(['short', 'medium', 'long'] as const, { description: 'Plan horizon' }),
  date: CalendarDate,
  value: Type.Number({ description: 'Committed value, in the KPI unit' }),
});

export const BaselineSchema = Type.Object({
  value: Type.Number({ description: 'Value measured over the baseline period, in the KPI unit' }),
  period: Type.Object({ from: CalendarDate, to: CalendarDate }, { description: 'Both dates inclusive' }),
  source: Type.Optional(Type.String({ description: 'Where the baseline value comes from' })),
  dataQuality: Type.Optional(
    stringEnum(DATA_QUALITY, { description: 'U4SSC data-quality flag of the baseline value' }),
  ),
  frozen: Type.Optional(FrozenBaselineSchema),
});

export const KpiSnapshotSchema = Type.Object(
  {
    id: Type.String({ description: 'Catalogue KPI id, e.g. env.air.pm25' }),
    name: Type.String(),
    dimension: Dimension,
    subDimension: Type.String(),
    unit: Type.String(),
    direction: Direction,
    baseline: BaselineSchema,
    targets: ReadonlyList(TargetSchema, { description: 'Targets of the plan, by date' }),
    current: Type.Object({
      value: NullableNumber('Value over the rolling window; null before the first reading'),
      at: Type.Union([EpochMs('Event time of the newest reading in the window'), Type.Null()]),
      readings: Type.Integer({ description: 'Readings in the window' }),
      coverage: NullableNumber('Share (0–1) of expected hours or days with data; null for rolling windows'),
      period: Type.Union([Type.Object({ from: CalendarDate, to: CalendarDate }), Type.Null()], {
        description: 'Local dates of the calendar period to date; null for rolling windows',
      }),
    }),
    catalogueVersion: Type.String({ description: 'Catalogue version that produced the value' }),
    dataQuality: stringEnum(['accurate_measurement', 'unknown'] as const, {
      description: 'U4SSC data-quality flag of the value',
    }),
    targetsProgress: ReadonlyList(
      Type.Composite([
        TargetSchema,
        Type.Object({ progress: NullableNumber('Progress toward this target; 1 = reached') }),
      ]),
      { description: 'Progress toward every target, by date' },
    ),
    maturityLevel: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()], {
      description: 'ITU-T Y.4904 level reached',
    }),
    warnings: ReadonlyList(Type.String(), {
      description: 'Verification warnings (U4SSC checks); they never block the value',
    }),
    nextTarget: Type.Union([TargetSchema, Type.Null()], {
      description: 'The first target dated after now, else the last one',
    }),
    progress: NullableNumber('(current − baseline) / (target − baseline) toward nextTarget; 1 = reached'),
    expected: NullableNumber('Value expected today on the straight line from baseline to nextTarget'),
    status: stringEnum(['on_track', 'at_risk', 'off_track', 'no_data'] as const),
  },
  { description: 'One KPI of the plan at one moment' },
);

export const KpiIdParamsSchema = Type.Object({
  id: Type.String({ description: 'KPI id, e.g. env.air.pm25', minLength: 1, maxLength: 128 }),
});

export const KpiListSchema = Type.Object({ kpis: Type.Array(KpiSnapshotSchema) });

export const TrendSchema = Type.Object(
  {
    slopePerYear: Type.Number({ description: 'Least-squares slope, KPI unit per year' }),
    points: Type.Integer(),
    spanMs: Type.Integer(),
    projected: Type.Number({ description: 'Value of the trend line at the target date' }),
    target: TargetSchema,
    meetsTarget: Type.Boolean(),
    missByPercent: NullableNumber('How far the projection misses the target, % of the target'),
    verdict: Type.String({ description: 'The trend in one sentence' }),
  },
  { description: 'Trend of the last 90 days of daily values, projected to the next target' },
);

export const KpiDetailSchema = Type.Object({
  kpi: KpiSnapshotSchema,
  definition: KpiDefinitionSchema,
  trend: Type.Union([TrendSchema, Type.Null()]),
});

export const CatalogueSchema = Type.Object({
  version: Type.String({ description: 'Catalogue version', examples: [CATALOGUE_VERSION] }),
  kpis: Type.Array(KpiDefinitionSchema),
});

export { KpiDefinitionSchema };
