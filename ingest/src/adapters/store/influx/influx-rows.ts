import {
  isQuantityId,
  type AggregateQuery,
  type AggregateRow,
  type LatestRow,
  type ReadingFilter,
  type StoredReading,
} from '@ssc-monitor/core';
import {
  TAG_DISTRICT,
  TAG_QUANTITY,
  TAG_SENSOR,
  decodeTagValue,
  encodeTagValue,
  type RollupPoint,
} from './line-protocol.js';
import { SeriesColumns, type QuerySeries } from './query-results.js';

/** Code-unit order, as the embedded store sorts ASCII ids. */
const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const tagOf = (series: QuerySeries, tag: string): string => decodeTagValue(series.tags[tag] ?? '');

/** Readings above the threshold, by bucket and sensor, from the threshold query's answer. */
function aboveCounts(series: readonly QuerySeries[] | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const part of series ?? []) {
    const columns = new SeriesColumns(part);
    const [buckets, above] = [columns.numbers('time'), columns.numbers('count')];
    const sensor = tagOf(part, TAG_SENSOR);
    buckets.forEach((bucket, i) => counts.set(`${bucket}\u0000${sensor}`, above[i]!));
  }
  return counts;
}

/**
 * Merges the aggregate answer with the threshold answer (a bucket with nothing above the threshold
 * is absent from the latter, hence 0), in bucket then sensor order.
 */
export function toAggregateRows(
  series: readonly QuerySeries[],
  aboveSeries: readonly QuerySeries[] | undefined,
  query: AggregateQuery,
): AggregateRow[] {
  const above = query.threshold === undefined ? undefined : aboveCounts(aboveSeries);
  const rows: AggregateRow[] = [];
  for (const part of series) {
    const columns = new SeriesColumns(part);
    const [buckets, counts, sums] = [
      columns.numbers('time'),
      columns.numbers('count'),
      columns.numbers('sum'),
    ];
    const [mins, maxes] = [columns.numbers('min'), columns.numbers('max')];
    const sensor = tagOf(part, TAG_SENSOR);
    for (let i = 0; i < buckets.length; i += 1) {
      const bucket = buckets[i]!;
      rows.push({
        bucket,
        ...(query.groupBy === 'sensor' ? { sensorId: sensor } : {}),
        count: counts[i]!,
        sum: sums[i]!,
        min: mins[i]!,
        max: maxes[i]!,
        ...(above === undefined ? {} : { above: above.get(`${bucket}\u0000${sensor}`) ?? 0 }),
      });
    }
  }
  return rows.sort((a, b) => a.bucket - b.bucket || binary(a.sensorId ?? '', b.sensorId ?? ''));
}

/** Raw readings in time order, then by sensor (the server breaks ties by series key instead). */
export function toReadings(series: readonly QuerySeries[], filter: ReadingFilter): StoredReading[] {
  const readings: StoredReading[] = [];
  for (const part of series) {
    const columns = new SeriesColumns(part);
    const [times, values] = [columns.numbers('time'), columns.numbers('value')];
    const [sensors, districts] = [columns.strings(TAG_SENSOR), columns.strings(TAG_DISTRICT)];
    for (let i = 0; i < times.length; i += 1) {
      readings.push({
        sensorId: decodeTagValue(sensors[i]!),
        quantity: filter.quantity,
        district: decodeTagValue(districts[i]!),
        ts: times[i]!,
        value: values[i]!,
      });
    }
  }
  return readings.sort((a, b) => a.ts - b.ts || binary(a.sensorId, b.sensorId));
}

/** One row per sensor and quantity: the newest across the districts the sensor was stored under. */
export function toLatestRows(series: readonly QuerySeries[]): LatestRow[] {
  const latest = new Map<string, LatestRow>();
  for (const part of series) {
    const quantity = tagOf(part, TAG_QUANTITY);
    // A quantity dropped from the vocabulary since it was stored has no place in the typed row.
    if (!isQuantityId(quantity)) continue;
    const columns = new SeriesColumns(part);
    const [times, values] = [columns.numbers('time'), columns.numbers('last')];
    if (times.length === 0) continue;
    const row: LatestRow = {
      sensorId: tagOf(part, TAG_SENSOR),
      quantity,
      district: tagOf(part, TAG_DISTRICT),
      ts: times[0]!,
      value: values[0]!,
    };
    const key = `${row.sensorId}\u0000${quantity}`;
    const seen = latest.get(key);
    if (seen === undefined || row.ts > seen.ts) latest.set(key, row);
  }
  return [...latest.values()];
}

type MutableRow = { -readonly [K in keyof AggregateRow]: AggregateRow[K] };

/**
 * Merges rows of the same bucket and sensor, as several sources (raw readings, hourly and daily
 * roll-ups) answer one query in parts; in bucket then sensor order.
 */
export function mergeAggregateRows(rows: readonly AggregateRow[]): AggregateRow[] {
  const merged = new Map<string, MutableRow>();
  for (const row of rows) {
    const key = `${row.bucket}\u0000${row.sensorId ?? ''}`;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, { ...row });
      continue;
    }
    seen.count += row.count;
    seen.sum += row.sum;
    seen.min = Math.min(seen.min, row.min);
    seen.max = Math.max(seen.max, row.max);
  }
  return [...merged.values()].sort(
    (a, b) => a.bucket - b.bucket || binary(a.sensorId ?? '', b.sensorId ?? ''),
  );
}

/** Roll-up points of one quantity from an answer grouped by time, sensor and district. */
export function toRollupPoints(series: readonly QuerySeries[], quantity: string): RollupPoint[] {
  const points: RollupPoint[] = [];
  const storedQuantity = encodeTagValue(quantity);
  for (const part of series) {
    const columns = new SeriesColumns(part);
    const [buckets, counts, sums] = [
      columns.numbers('time'),
      columns.numbers('count'),
      columns.numbers('sum'),
    ];
    const [mins, maxes] = [columns.numbers('min'), columns.numbers('max')];
    const [sensor, district] = [part.tags[TAG_SENSOR] ?? '', part.tags[TAG_DISTRICT] ?? ''];
    for (let i = 0; i < buckets.length; i += 1) {
      points.push({
        sensor,
        district,
        quantity: storedQuantity,
        bucket: buckets[i]!,
        count: counts[i]!,
        sum: sums[i]!,
        min: mins[i]!,
        max: maxes[i]!,
      });
    }
  }
  return points;
}
