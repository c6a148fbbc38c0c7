import { Type } from '@sinclair/typebox';
import { PlanKpiSchema, PlanSchema } from '@ssc-monitor/core';

/** The core's plan schema is the source of truth; the API only adds a description for OpenAPI. */
export const PlanResponseSchema = {
  ...PlanSchema,
  description: 'The master plan: city, districts, sensors, and baseline and targets per KPI',
};

export const PlanChangeSchema = Type.Object(
  {
    version: Type.Integer(),
    author: Type.String(),
    at: Type.Integer({ description: 'When, epoch ms' }),
    note: Type.String(),
  },
  { description: 'One change of the plan: who, when, why' },
);

export const PlanVersionSchema = Type.Composite([PlanChangeSchema, Type.Object({ plan: PlanSchema })]);

/** A plan KPI entry without its id (the id is in the path). */
export const PlanKpiBodySchema = Type.Omit(PlanKpiSchema, ['id']);
