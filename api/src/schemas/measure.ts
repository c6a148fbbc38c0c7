import { Type } from '@sinclair/typebox';
import { FormulaSchema } from '@ssc-monitor/core';
import { NullableNumber } from './common.js';

const CalendarDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Local calendar date, YYYY-MM-DD',
});

export const MeasureQuerySchema = Type.Object({
  from: Type.Optional({
    ...CalendarDate,
    description: 'First local date; default: the plan baseline period start',
  }),
  to: Type.Optional({
    ...CalendarDate,
    description: 'Last local date (inclusive); default: the baseline period end',
  }),
});

export const MeasurementSchema = Type.Object(
  {
    kpiId: Type.String(),
    value: NullableNumber('The KPI over the period; null without data'),
    coverage: Type.Number({
      description: 'Share (0–1) of expected hours (or days, for day-based formulas) with data',
    }),
    sufficient: Type.Boolean({
      description: 'Coverage meets the KPI rule; otherwise report "insufficient data"',
    }),
    readings: Type.Integer({ description: 'Readings the value was computed from' }),
    sensors: Type.Array(Type.String(), { description: 'Sensors whose data was used' }),
    validDays: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Day-based formulas: days with enough hours',
    }),
    days: Type.Integer({ description: 'Days in the period' }),
    from: CalendarDate,
    to: CalendarDate,
    timeZone: Type.String(),
    formula: FormulaSchema,
    catalogueVersion: Type.String(),
  },
  { description: 'A KPI measured from stored data over a calendar period, with its lineage' },
);
