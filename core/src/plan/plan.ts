import { Type, type Static } from '@sinclair/typebox';
import { FeedSchema } from '../feeds/feed.js';
import { ReportScheduleSchema } from './report-schedule.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar date, YYYY-MM-DD' });
const Id = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'Letters, digits, . _ -',
});

const Position = Type.Array(Type.Number(), {
  minItems: 2,
  maxItems: 3,
  description: '[longitude, latitude]',
});
const Ring = Type.Array(Position, { minItems: 4 });

/** District outline for the map (GeoJSON geometry, WGS84), drawn offline without map tiles. */
export const DistrictGeometrySchema = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1 }) }),
  Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Ring, { minItems: 1 }), { minItems: 1 }),
  }),
]);

export const DistrictSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    population: Type.Optional(Type.Integer({ minimum: 0 })),
    geometry: Type.Optional(DistrictGeometrySchema),
  },
  { additionalProperties: false },
);

export const PlanSensorSchema = Type.Object(
  {
    id: Id,
    district: Id,
    kind: Type.Optional(Type.String()),
    /** Position for the map, WGS84 degrees. */
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

export const TargetSchema = Type.Object(
  {
    horizon: Type.Union([Type.Literal('short'), Type.Literal('medium'), Type.Literal('long')]),
    date: IsoDate,
    value: Type.Number(),
  },
  { additionalProperties: false },
);

/** The U4SSC data-quality scale every KPI value carries. */
export const DATA_QUALITY = [
  'accurate_measurement',
  'extrapolated_from_survey',
  'extrapolated_from_higher_level_data',
  'estimation',
  'personal_estimation',
  'unknown',
] as const;
export type DataQuality = (typeof DATA_QUALITY)[number];

/** A baseline measured from data and frozen by a planner: value and lineage no later change may alter. */
export const FrozenBaselineSchema = Type.Object(
  {
    at: Type.Integer({ description: 'When it was frozen, epoch ms' }),
    by: Type.String(),
    value: Type.Number(),
    coverage: Type.Number(),
    readings: Type.Integer(),
    sensors: Type.Array(Type.String()),
    from: IsoDate,
    to: IsoDate,
    timeZone: Type.String(),
    formula: Type.Unknown({ description: 'The catalogue formula used' }),
    catalogueVersion: Type.String(),
  },
  { additionalProperties: false },
);

/** ITU-T Y.4904 maturity: the KPI value that reaches each level (1–5). */
export const MaturityLevelSchema = Type.Object(
  { level: Type.Integer({ minimum: 1, maximum: 5 }), value: Type.Number() },
  { additionalProperties: false },
);

export const PlanKpiSchema = Type.Object(
  {
    /** A catalogue KPI id, or the id of a scoped instance of the KPI named by `definition`. */
    id: Type.String({ minLength: 1 }),
    /**
     * The catalogue KPI a scoped instance measures, so one catalogue KPI can be tracked per district
     * (e.g. id env.air.pm25.north, definition env.air.pm25, scope.districts [north]). @defaultValue id
     */
    definition: Type.Optional(Type.String({ minLength: 1 })),
    /** Display name of a scoped instance, e.g. "PM2.5 in North Hills"; the catalogue name when absent. */
    name: Type.Optional(Type.String({ minLength: 1 })),
    baseline: Type.Object(
      {
        value: Type.Number(),
        period: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
        source: Type.Optional(Type.String()),
        /** U4SSC data-quality flag; 'accurate_measurement' for a baseline measured by sensors. */
        dataQuality: Type.Union(
          DATA_QUALITY.map((q) => Type.Literal(q)),
          { default: 'unknown' },
        ),
        /** Set when the baseline was measured from data and frozen (phase 1 of the master plan). */
        frozen: Type.Optional(FrozenBaselineSchema),
      },
      { additionalProperties: false },
    ),
    /** Expected path from baseline to target: straight line, or a constant yearly rate. @defaultValue 'linear' */
    trajectory: Type.Union([Type.Literal('linear'), Type.Literal('compound')], { default: 'linear' }),
    targets: Type.Array(TargetSchema, { minItems: 1 }),
    /** Targets as ITU-T Y.4904 maturity levels; the KPI then shows the level reached. */
    maturity: Type.Optional(Type.Array(MaturityLevelSchema, { minItems: 1, maxItems: 5 })),
    /** Restricts the KPI to some sensors or districts; the whole city when absent. */
    scope: Type.Optional(
      Type.Object(
        {
          sensors: Type.Optional(Type.Array(Id, { minItems: 1 })),
          districts: Type.Optional(Type.Array(Id, { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Phase 3 of the master plan: an initiative and the KPIs it is expected to move. */
export const InitiativeSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    owner: Type.String({ minLength: 1 }),
    budget: Type.Optional(
      Type.Object(
        { amount: Type.Number({ minimum: 0 }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) },
        { additionalProperties: false },
      ),
    ),
    start: IsoDate,
    end: IsoDate,
    /** Plan KPI ids the initiative should move. */
    kpis: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    description: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const StakeholderSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    role: Type.String({ minLength: 1 }),
    organisation: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const PlanSchema = Type.Object(
  {
    version: Type.Literal(1),
    city: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        population: Type.Integer({ minimum: 1 }),
        /** IANA time zone of the city: calendar days, months and years are local. */
        timezone: Type.String({ default: 'UTC', minLength: 1 }),
        districts: Type.Array(DistrictSchema, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    /**
     * Share of the distance between baseline and target by which a KPI may lag its expected
     * trajectory and still be "at risk" rather than "off track".
     */
    tolerance: Type.Number({ minimum: 0, maximum: 1, default: 0.1 }),
    sensors: Type.Array(PlanSensorSchema, { default: [] }),
    /** Phase 3: the action plan. */
    initiatives: Type.Array(InitiativeSchema, { default: [] }),
    stakeholders: Type.Array(StakeholderSchema, { default: [] }),
    /** Open-data feeds pulled on a schedule (city portals' CSV/JSON). */
    feeds: Type.Array(FeedSchema, { default: [] }),
    /** Progress reports rendered to PDF on a schedule and kept for download. */
    reports: Type.Array(ReportScheduleSchema, { default: [] }),
    kpis: Type.Array(PlanKpiSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type Plan = Static<typeof PlanSchema>;
export type FrozenBaseline = Static<typeof FrozenBaselineSchema>;
export type PlanKpi = Static<typeof PlanKpiSchema>;

/** The catalogue id a plan KPI measures: its `definition`, or its own id. */
export function catalogueIdOf(kpi: Pick<PlanKpi, 'id' | 'definition'>): string {
  return kpi.definition ?? kpi.id;
}
export type PlanSensor = Static<typeof PlanSensorSchema>;
export type District = Static<typeof DistrictSchema>;
export type Initiative = Static<typeof InitiativeSchema>;
export type MaturityLevel = Static<typeof MaturityLevelSchema>;
