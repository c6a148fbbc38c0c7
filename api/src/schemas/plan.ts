import { PlanSchema } from '@ssc-monitor/core';

/** The core's plan schema is the source of truth; the API only adds a description for OpenAPI. */
export const PlanResponseSchema = {
  ...PlanSchema,
  description: 'The master plan: city, districts, sensors, and baseline and targets per KPI',
};
