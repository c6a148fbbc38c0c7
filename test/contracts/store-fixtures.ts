import {
  QUANTITIES,
  type AggregateQuery,
  type AggregateRow,
  type LatestRow,
  type QuantityId,
  type ReadingFilter,
  type StoredReading,
} from '@ssc-monitor/core';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A UTC midnight, so that hour and day buckets both start on it. */
export const T0 = Date.UTC(2026, 2, 1);

export const PM25: QuantityId = QUANTITIES.pm25.id;
export const NOISE: QuantityId = QUANTITIES.noise_laeq.id;

export const reading = (
  sensorId: string,
  district: string,
  ts: number,
  value: number,
  quantity: QuantityId = PM25,
): StoredReading => ({ sensorId, quantity, district, ts, value });

const AIR_SENSORS = [
  { id: 'air-01', district: 'centre' },
  { id: 'air-02', district: 'centre' },
  { id: 'air-03', district: 'harbour' },
] as const;

/**
 * Two days of PM2.5 from three sensors every 7 minutes (so readings fall unevenly into hours and
 * straddle midnight), each sensor offset by some seconds, plus noise readings at the same times
 * that PM2.5 queries must leave out. Values are multiples of 0.25, so every sum is exact in
 * floating point whatever the order of addition.
 */
export function twoDaysOfReadings(): StoredReading[] {
  const readings: StoredReading[] = [];
  const steps = Math.floor((2 * DAY) / (7 * MINUTE));
  AIR_SENSORS.forEach((sensor, s) => {
    for (let k = 0; k < steps; k += 1) {
      const ts = T0 + k * 7 * MINUTE + s * 13_000;
      readings.push(reading(sensor.id, sensor.district, ts, ((k * 37 + s * 11) % 200) / 4));
    }
  });
  for (let k = 0; k < steps; k += 1) {
    readings.push(reading('noise-01', 'harbour', T0 + k * 7 * MINUTE, 40 + (k % 30), NOISE));
  }
  return readings;
}

/** Days in the roll-up fixtures' year. */
export const YEAR_DAYS = 365;

/**
 * A year of PM2.5 from two sensors in two districts, one reading an hour at a minute that wanders
 * (so that some hours of a sensor hold two readings and some none), plus a month of noise readings
 * that PM2.5 queries must leave out. Values are multiples of 0.25, so sums are exact in any order.
 */
export function hourlyYear(): StoredReading[] {
  const readings: StoredReading[] = [];
  const sensors = [AIR_SENSORS[0], AIR_SENSORS[2]];
  sensors.forEach((sensor, s) => {
    for (let h = 0; h < YEAR_DAYS * 24; h += 1) {
      // Seconds keep a reading that spills into the next hour apart from that hour's own.
      const offset = h % 97 === 0 ? 61 * MINUTE + 17_000 : ((h * 7 + s * 13) % 60) * MINUTE;
      readings.push(
        reading(sensor.id, sensor.district, T0 + h * HOUR + offset, ((h * 37 + s * 11) % 400) / 4),
      );
    }
  });
  for (let h = 0; h < 30 * 24; h += 1) {
    readings.push(reading('noise-01', 'harbour', T0 + h * HOUR, 40 + (h % 30), NOISE));
  }
  return readings;
}

/** Σsum / Σcount: the mean of merged buckets. */
export function meanOf(rows: readonly { count: number; sum: number }[]): number {
  const count = rows.reduce((n, row) => n + row.count, 0);
  return rows.reduce((total, row) => total + row.sum, 0) / count;
}

/** `perSensor` readings for each of `sensors` sensors, one a minute, values multiples of 0.5. */
export function manyReadings(sensors: number, perSensor: number): StoredReading[] {
  const readings: StoredReading[] = [];
  for (let s = 0; s < sensors; s += 1) {
    const sensorId = `bulk-${String(s).padStart(3, '0')}`;
    for (let k = 0; k < perSensor; k += 1) {
      readings.push(
        reading(sensorId, s % 2 === 0 ? 'east' : 'west', T0 + k * MINUTE, ((s * 7 + k) % 400) / 2),
      );
    }
  }
  return readings;
}

export function matches(r: StoredReading, filter: ReadingFilter): boolean {
  return (
    r.quantity === filter.quantity &&
    r.ts >= filter.from &&
    r.ts < filter.to &&
    (filter.sensorIds === undefined || filter.sensorIds.includes(r.sensorId)) &&
    (filter.districts === undefined || filter.districts.includes(r.district))
  );
}

/** Code-unit order, as stores sort ASCII sensor ids. */
const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const byTimeThenSensor = (a: StoredReading, b: StoredReading): number =>
  a.ts - b.ts || binary(a.sensorId, b.sensorId);

type MutableRow = { -readonly [K in keyof AggregateRow]: AggregateRow[K] };

/** What `aggregate` must return, computed the obvious way from the readings written. */
export function expectedAggregate(readings: readonly StoredReading[], query: AggregateQuery): AggregateRow[] {
  const rows = new Map<string, MutableRow>();
  for (const r of readings) {
    if (!matches(r, query)) continue;
    const bucket = Math.floor(r.ts / query.every) * query.every;
    const key = query.groupBy === 'sensor' ? `${bucket}/${r.sensorId}` : `${bucket}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { bucket, count: 0, sum: 0, min: Infinity, max: -Infinity };
      if (query.groupBy === 'sensor') row.sensorId = r.sensorId;
      if (query.threshold !== undefined) row.above = 0;
      rows.set(key, row);
    }
    row.count += 1;
    row.sum += r.value;
    row.min = Math.min(row.min, r.value);
    row.max = Math.max(row.max, r.value);
    if (query.threshold !== undefined && r.value > query.threshold) row.above = (row.above ?? 0) + 1;
  }
  return [...rows.values()].sort((a, b) => a.bucket - b.bucket || binary(a.sensorId ?? '', b.sensorId ?? ''));
}

/** The port promises no order for `latest`. */
export const sortLatest = (rows: LatestRow[]): LatestRow[] =>
  [...rows].sort((a, b) => `${a.sensorId}/${a.quantity}`.localeCompare(`${b.sensorId}/${b.quantity}`));
