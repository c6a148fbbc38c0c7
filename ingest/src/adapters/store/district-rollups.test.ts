import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUANTITIES, type AggregateQuery, type AggregateRow } from '@ssc-monitor/core';
import { DuckDbDatabase } from './duckdb-database.js';
import { EmbeddedStore } from './embedded-store.js';
import { DAY_MS, HOUR_MS } from './rollup-plan.js';

const PM25 = QUANTITIES.pm25.id;
const T0 = Date.UTC(2026, 2, 1);
const DAYS = 20;

/** Sensor rows merged per bucket, as a city series must give them. */
function merged(rows: readonly AggregateRow[]): AggregateRow[] {
  const byBucket = new Map<number, AggregateRow>();
  for (const { bucket, count, sum, min, max } of rows) {
    const seen = byBucket.get(bucket);
    byBucket.set(
      bucket,
      seen === undefined
        ? { bucket, count, sum, min, max }
        : {
            bucket,
            count: seen.count + count,
            sum: seen.sum + sum,
            min: Math.min(seen.min, min),
            max: Math.max(seen.max, max),
          },
    );
  }
  return [...byBucket.values()];
}

describe('district roll-ups of the embedded store', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ssc-district-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('are rebuilt at start from hourly roll-ups written straight into the table', async () => {
    const first = new EmbeddedStore(new DuckDbDatabase({ dataDir }));
    await first.start();
    await first.close();
    // A bulk import: per-sensor hourly and daily roll-ups only, as a store past its raw retention holds.
    const database = new DuckDbDatabase({ dataDir });
    await database.start();
    await database.write(async (connection) => {
      const values = `(s % 5) * 2.5 + (t / ${HOUR_MS}) % 24`;
      await connection.run(`INSERT INTO rollups_1h SELECT 'pm25', 's' || s, ['centre', 'harbour'][s % 2 + 1], t,
  4, 4 * (${values}), ${values} - 1, ${values} + 1
FROM range(0, 6) a(s), range(${T0}, ${T0 + DAYS * DAY_MS}, ${HOUR_MS}) b(t)`);
      await connection.run(`INSERT INTO rollups_1d SELECT quantity, sensor_id, district, bucket - bucket % ${DAY_MS},
  sum(value_count), sum(value_sum), min(value_min), max(value_max) FROM rollups_1h GROUP BY ALL`);
      await connection.run(`UPDATE rollup_state SET sealed_before = ${T0 + DAYS * DAY_MS}`);
    });
    await database.close();

    const store = new EmbeddedStore(new DuckDbDatabase({ dataDir }));
    await store.start();
    try {
      const span = { quantity: PM25, from: T0, to: T0 + DAYS * DAY_MS };
      for (const every of [HOUR_MS, DAY_MS]) {
        for (const districts of [undefined, ['harbour']]) {
          const query: AggregateQuery = { ...span, every, groupBy: 'none', ...(districts && { districts }) };
          const bySensor = await store.aggregate({ ...query, groupBy: 'sensor' });
          const city = await store.aggregate(query);
          expect(city).toHaveLength(every === HOUR_MS ? DAYS * 24 : DAYS);
          expect(city, JSON.stringify(query)).toEqual(merged(bySensor));
        }
      }
    } finally {
      await store.close();
    }
  });
});
