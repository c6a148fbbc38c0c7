import type {
  DeadLetter,
  FeedStatus,
  HealthReport,
  KpiDefinition,
  KpiSnapshot,
  Measurement,
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

function isDatePeriod(value: unknown): value is { from: string; to: string } {
  return isRecord(value) && isString(value.from) && isString(value.to);
}

/** Rolling windows have a length; calendar windows a unit (day, month, year). */
function isKpiWindow(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.kind === 'calendar') return isString(value.unit);
  return isNumber(value.ms);
}

function isReferenceValue(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && isString(value.label) && isNumber(value.value) && isString(value.source);
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
    isNullableNumber(value.current.at) &&
    isNullableNumber(value.current.coverage) &&
    (value.current.period === null || isDatePeriod(value.current.period))
  );
}

export function isKpiDefinition(value: unknown): value is KpiDefinition {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.reference) &&
    isString(value.description) &&
    isKpiWindow(value.window) &&
    isRecord(value.formula) &&
    isString(value.formula.kind) &&
    (value.references === undefined || isArrayOf(value.references, isReferenceValue))
  );
}

export function isMeasurement(value: unknown): value is Measurement & { kpiId: string } {
  return (
    isRecord(value) &&
    isString(value.kpiId) &&
    isNullableNumber(value.value) &&
    isNumber(value.coverage) &&
    typeof value.sufficient === 'boolean' &&
    isNumber(value.readings) &&
    isArrayOf(value.sensors, isString) &&
    isNullableNumber(value.validDays) &&
    isNumber(value.days) &&
    isString(value.from) &&
    isString(value.to) &&
    isString(value.timeZone) &&
    isRecord(value.formula) &&
    isString(value.catalogueVersion)
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

const FEED_STATES: ReadonlySet<unknown> = new Set(['never_run', 'ok', 'failing']);

function isFeedStatus(value: unknown): value is FeedStatus {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.schedule) &&
    FEED_STATES.has(value.state) &&
    isNullableNumber(value.lastRunAt) &&
    isNullableNumber(value.lastSuccessAt) &&
    isNullableNumber(value.nextRunAt) &&
    (value.lastError === null || (isRecord(value.lastError) && isString(value.lastError.code))) &&
    Array.isArray(value.history)
  );
}

/** GET /api/feeds. */
export function isFeedList(value: unknown): value is { feeds: FeedStatus[] } {
  return isRecord(value) && isArrayOf(value.feeds, isFeedStatus);
}

/** Geometry is optional; when present only its type is checked here, and the map checks coordinates. */
function isDistrict(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    (value.geometry === undefined || (isRecord(value.geometry) && Array.isArray(value.geometry.coordinates)))
  );
}

function isPlanSensor(value: unknown): boolean {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.district) &&
    (value.lat === undefined || isNumber(value.lat)) &&
    (value.lon === undefined || isNumber(value.lon))
  );
}

export function isPlan(value: unknown): value is Plan {
  return (
    isRecord(value) &&
    isRecord(value.city) &&
    isString(value.city.name) &&
    isNumber(value.city.population) &&
    isArrayOf(value.city.districts, (d): d is unknown => isDistrict(d)) &&
    (value.sensors === undefined || isArrayOf(value.sensors, (s): s is unknown => isPlanSensor(s))) &&
    isArrayOf(value.kpis, (k): k is unknown => isRecord(k) && isString(k.id))
  );
}
