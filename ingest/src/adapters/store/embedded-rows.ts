import {
  isQuantityId,
  type AggregateQuery,
  type AggregateRow,
  type LatestRow,
  type ReadingFilter,
  type StoredReading,
} from '@ssc-monitor/core';
import type { ResultColumns } from './result-columns.js';

/** Rows of `aggregateSql` or `plannedAggregateSql`. */
export function toAggregateRows(columns: ResultColumns, query: AggregateQuery): AggregateRow[] {
  const [buckets, sensorIds, counts, sums, mins, maxes] = [
    columns.numbers(0),
    columns.nullableStrings(1),
    columns.numbers(2),
    columns.numbers(3),
    columns.numbers(4),
    columns.numbers(5),
  ];
  const above = query.threshold === undefined ? undefined : columns.numbers(6);
  const rows: AggregateRow[] = new Array<AggregateRow>(columns.rowCount);
  for (let i = 0; i < columns.rowCount; i += 1) {
    const sensorId = sensorIds[i];
    rows[i] = {
      bucket: buckets[i]!,
      ...(query.groupBy === 'sensor' && typeof sensorId === 'string' ? { sensorId } : {}),
      count: counts[i]!,
      sum: sums[i]!,
      min: mins[i]!,
      max: maxes[i]!,
      ...(above === undefined ? {} : { above: above[i]! }),
    };
  }
  return rows;
}

/** Rows of `readingsSql`. */
export function toReadings(columns: ResultColumns, filter: ReadingFilter): StoredReading[] {
  const [sensorIds, districts, ts, values] = [
    columns.strings(0),
    columns.strings(1),
    columns.numbers(2),
    columns.numbers(3),
  ];
  const rows: StoredReading[] = new Array<StoredReading>(columns.rowCount);
  for (let i = 0; i < columns.rowCount; i += 1) {
    rows[i] = {
      sensorId: sensorIds[i]!,
      quantity: filter.quantity,
      district: districts[i]!,
      ts: ts[i]!,
      value: values[i]!,
    };
  }
  return rows;
}

/** Rows of `latestSql`. */
export function toLatestRows(columns: ResultColumns): LatestRow[] {
  const [sensorIds, quantities, districts, ts, values] = [
    columns.strings(0),
    columns.strings(1),
    columns.strings(2),
    columns.numbers(3),
    columns.numbers(4),
  ];
  const rows: LatestRow[] = [];
  for (let i = 0; i < columns.rowCount; i += 1) {
    const quantity = quantities[i]!;
    // A quantity dropped from the vocabulary since it was stored has no place in the typed row.
    if (!isQuantityId(quantity)) continue;
    rows.push({ sensorId: sensorIds[i]!, quantity, district: districts[i]!, ts: ts[i]!, value: values[i]! });
  }
  return rows;
}
