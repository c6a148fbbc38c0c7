import { describe, expect, it } from 'vitest';
import { QUANTITIES, type AggregateQuery } from '@ssc-monitor/core';
import { toAggregateRows, toLatestRows, toReadings } from './influx-rows.js';
import type { QuerySeries } from './query-results.js';

const PM25 = QUANTITIES.pm25.id;
const HOUR = 3_600_000;
const agg = (sensor: string | undefined, values: number[][]): QuerySeries => ({
  tags: sensor === undefined ? {} : { sensor },
  columns: ['time', 'count', 'sum', 'min', 'max'],
  values,
});
const counted = (sensor: string | undefined, values: number[][]): QuerySeries => ({
  tags: sensor === undefined ? {} : { sensor },
  columns: ['time', 'count'],
  values,
});
const query: AggregateQuery = { quantity: PM25, from: 0, to: 3 * HOUR, every: HOUR, groupBy: 'sensor' };

describe('row conversion', () => {
  it('orders aggregate rows by bucket then sensor, decodes sensors, and merges threshold counts', () => {
    const series = [
      agg('b', [
        [0, 1, 5, 5, 5],
        [HOUR, 2, 3, 1, 2],
      ]),
      agg('a%5C', [[HOUR, 1, 9, 9, 9]]),
    ];
    const above = [counted('b', [[0, 1]])];
    expect(toAggregateRows(series, above, { ...query, threshold: 4 })).toEqual([
      { bucket: 0, sensorId: 'b', count: 1, sum: 5, min: 5, max: 5, above: 1 },
      { bucket: HOUR, sensorId: 'a\\', count: 1, sum: 9, min: 9, max: 9, above: 0 },
      { bucket: HOUR, sensorId: 'b', count: 2, sum: 3, min: 1, max: 2, above: 0 },
    ]);
  });

  it('leaves sensorId and above out when not asked for', () => {
    const [row] = toAggregateRows([agg(undefined, [[0, 1, 5, 5, 5]])], undefined, {
      ...query,
      groupBy: 'none',
    });
    expect(row).toStrictEqual({ bucket: 0, count: 1, sum: 5, min: 5, max: 5 });
  });

  it('orders raw readings by time, then sensor in code-unit order', () => {
    const series: QuerySeries = {
      tags: {},
      columns: ['time', 'value', 'sensor', 'district'],
      values: [
        [2, 1, 'b', 'x'],
        [1, 2, 'b', 'y'],
        [2, 3, 'B', 'z%25'],
      ],
    };
    expect(toReadings([series], query).map((r) => [r.ts, r.sensorId, r.district])).toEqual([
      [1, 'b', 'y'],
      [2, 'B', 'z%'],
      [2, 'b', 'x'],
    ]);
  });

  it('keeps the newest row of a sensor stored under two districts and drops unknown quantities', () => {
    const last = (
      sensor: string,
      quantity: string,
      district: string,
      ts: number,
      value: number,
    ): QuerySeries => ({
      tags: { sensor, quantity, district },
      columns: ['time', 'last'],
      values: [[ts, value]],
    });
    const rows = toLatestRows([
      last('a', PM25, 'old', 5, 1),
      last('a', PM25, 'new', 9, 2),
      last('a', 'retired_quantity', 'new', 10, 3),
    ]);
    expect(rows).toEqual([{ sensorId: 'a', quantity: PM25, district: 'new', ts: 9, value: 2 }]);
  });
});
