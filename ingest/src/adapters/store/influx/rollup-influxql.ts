import type { AggregateQuery, QuantityId } from '@ssc-monitor/core';
import { HOUR_MS, type AggregatePlan, type Span } from '../rollup-plan.js';
import {
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

/** The first and the last raw reading of every quantity (columns `first` and `last`). */
export function rawExtentStatements(): string {
  const where = `${quoteIdent(TAG_RESOLUTION)} = '' AND ${ALL_TIME}`;
  const group = `GROUP BY ${quoteIdent(TAG_QUANTITY)}`;
  return [
    `SELECT first("value") ${FROM} WHERE ${where} ${group}`,
    `SELECT last("value") ${FROM} WHERE ${where} ${group}`,
  ].join('; ');
}

/** One statement per span of a plan; their rows add up to the answer (see `mergeAggregateRows`). */
export function plannedStatements(query: AggregateQuery, plan: AggregatePlan): string[] {
  return [
    ...plan.raw.map((span) => aggregateStatement({ ...query, ...span })),
    ...plan.hourly.map((span) => rollupAggregateStatement(query, span, 'hour')),
    ...plan.daily.map((span) => rollupAggregateStatement(query, span, 'day')),
  ];
}
