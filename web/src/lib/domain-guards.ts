import type {
  DeadLetter,
  HealthReport,
  KpiDefinition,
  KpiSnapshot,
  Plan,
  SensorState,
  SeriesPoint,
} from '@ssc-monitor/core';
import { isArrayOf, isNullableNumber, isNumber, isRecord, isString } from './guards';

/*
 * The API validates its responses against TypeBox schemas, so these checks are deliberately shallow: they
 * cover the fields this UI reads, so that a contract drift shows up as an actionable error message rather
 * than a blank tile or an exception deep inside a chart.
 */

const KPI_STATUSES: ReadonlySet<unknown> = new Set(['on_track', 'at_risk', 'off_track', 'no_data']);

function isTarget(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && isString(value.date) && isNumber(value.value);
}

export function isKpiSnapshot(value: unknown): value is KpiSnapshot {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.dimension) &&
    isString(value.unit) &&
    KPI_STATUSES.has(value.status) &&
    isRecord(value.baseline) &&
    isNumber(value.baseline.value) &&
    isArrayOf(value.targets, isTarget) &&
    (value.nextTarget === null || isTarget(value.nextTarget)) &&
    isNullableNumber(value.progress) &&
    isNullableNumber(value.expected) &&
    isRecord(value.current) &&
    isNullableNumber(value.current.value) &&
    isNullableNumber(value.current.at)
  );
}

export function isKpiDefinition(value: unknown): value is KpiDefinition {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.reference) &&
    isString(value.description) &&
    isRecord(value.window) &&
    isNumber(value.window.ms) &&
    isRecord(value.formula) &&
    isString(value.formula.kind)
  );
}

export function isSensorState(value: unknown): value is SensorState {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.district) &&
    isNullableNumber(value.lastSeen) &&
    isNumber(value.messages) &&
    isNumber(value.errors) &&
    isRecord(value.latest)
  );
}

export function isDeadLetter(value: unknown): value is DeadLetter {
  return (
    isRecord(value) &&
    isString(value.topic) &&
    (value.sensorId === null || isString(value.sensorId)) &&
    isString(value.code) &&
    isString(value.reason) &&
    isString(value.payloadExcerpt) &&
    isNumber(value.receivedAt)
  );
}

export function isSeriesPoint(value: unknown): value is SeriesPoint {
  return isRecord(value) && isNumber(value.t) && isNullableNumber(value.value);
}

export function isHealthReport(value: unknown): value is HealthReport {
  return (
    isRecord(value) &&
    (value.status === 'ok' || value.status === 'degraded') &&
    isRecord(value.broker) &&
    isRecord(value.store) &&
    isRecord(value.ingest) &&
    isNumber(value.startedAt)
  );
}

export function isPlan(value: unknown): value is Plan {
  return (
    isRecord(value) &&
    isRecord(value.city) &&
    isString(value.city.name) &&
    isNumber(value.city.population) &&
    isArrayOf(value.city.districts, (d): d is unknown => isRecord(d) && isString(d.id) && isString(d.name))
  );
}
