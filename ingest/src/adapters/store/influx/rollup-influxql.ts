import type { AggregateQuery, QuantityId } from '@ssc-monitor/core';
import { HOUR_MS, type AggregatePlan, type Span } from '../rollup-plan.js';
import {
  RESOLUTION_TAGS,
  TAG_DISTRICT,
  TAG_QUANTITY,
  TAG_RESOLUTION,
  TAG_SENSOR,
  type RollupResolution,
} from './line-protocol.js';
import {
  ALL_TIME,
  FROM,
  RAW_FIELDS,
  ROLLUP_FIELDS,
  aggregateStatement,
  quoteIdent,
  rollupAggregateStatement,
  timeLiteral,
  whereClause,
} from './influxql.js';

/** Roll-ups are kept per sensor and district: a district filter must stay exact. */
const BY_SERIES = `${quoteIdent(TAG_SENSOR)}, ${quoteIdent(TAG_DISTRICT)}`;

const inSpan = (quantity: QuantityId, span: Span, resolution?: RollupResolution): string =>
  whereClause({ quantity, ...span }, resolution);

/** Hourly count, sum, min and max of the raw readings of one quantity in `span`, per series. */
export function hourlyFromRawStatement(quantity: QuantityId, span: Span): string {
  return `SELECT ${RAW_FIELDS} ${FROM} WHERE ${inSpan(quantity, span)} GROUP BY time(${HOUR_MS}ms), ${BY_SERIES} fill(none)`;
}

/** Hourly roll-ups in `span` merged into buckets of `every` (an hour, or a day), per series. */
export function fromHourlyStatement(quantity: QuantityId, span: Span, every: number): string {
  return `SELECT ${ROLLUP_FIELDS} ${FROM} WHERE ${inSpan(quantity, span, 'hour')} GROUP BY time(${every}ms), ${BY_SERIES} fill(none)`;
}

/**
 * Roll-ups of `from` (per-sensor or district hours) in `span` merged per district into buckets of
 * `every`: district hours from sensor hours, district days from district hours.
 */
export function districtStatement(
  quantity: QuantityId,
  span: Span,
  from: 'hour' | 'districtHour',
  every: number,
): string {
  return `SELECT ${ROLLUP_FIELDS} ${FROM} WHERE ${inSpan(quantity, span, from)} GROUP BY time(${every}ms), ${quoteIdent(TAG_DISTRICT)} fill(none)`;
}

/**
 * Deletes the raw readings of one quantity in `span`. Roll-up points have a resolution tag, so
 * they stay. InfluxQL DELETE exists on 1.x only.
 */
export function deleteRawStatement(quantity: QuantityId, span: Span): string {
  return `DELETE ${FROM} WHERE ${inSpan(quantity, span)}`;
}

/** Deletes every raw reading before `ms`, roll-ups kept; 1.x only. */
export function deleteRawBeforeStatement(ms: number): string {
  return `DELETE ${FROM} WHERE ${quoteIdent(TAG_RESOLUTION)} = '' AND time < ${timeLiteral(ms)}`;
}

/**
 * The first and the last raw reading, and hourly roll-up, of every quantity (columns `first` and
 * `last`): hours whose raw readings are gone still need their district roll-ups.
 */
export function rawExtentStatements(): string {
  const group = `GROUP BY ${quoteIdent(TAG_QUANTITY)}`;
  const statements = (resolution: string, field: string): string[] => {
    const where = `${quoteIdent(TAG_RESOLUTION)} = '${resolution}' AND ${ALL_TIME}`;
    return [
      `SELECT first(${quoteIdent(field)}) ${FROM} WHERE ${where} ${group}`,
      `SELECT last(${quoteIdent(field)}) ${FROM} WHERE ${where} ${group}`,
    ];
  };
  return [...statements('', 'value'), ...statements(RESOLUTION_TAGS.hour, 'count')].join('; ');
}

/**
 * One statement per span of a plan; their rows add up to the answer (see `mergeAggregateRows`).
 * Sensors merged and none picked out: district roll-ups hold the same totals in one series per
 * district instead of one per sensor.
 */
export function plannedStatements(query: AggregateQuery, plan: AggregatePlan): string[] {
  const byDistrict = query.groupBy === 'none' && query.sensorIds === undefined;
  return [
    ...plan.raw.map((span) => aggregateStatement({ ...query, ...span })),
    ...plan.hourly.map((span) => rollupAggregateStatement(query, span, byDistrict ? 'districtHour' : 'hour')),
    ...plan.daily.map((span) => rollupAggregateStatement(query, span, byDistrict ? 'districtDay' : 'day')),
  ];
}
