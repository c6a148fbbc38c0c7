import { createEmbeddedStorage } from '@ssc-monitor/ingest/store';
import { loadSensorIds } from './platform.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How much history the query scenario's store holds, ending at `end` (epoch ms, a whole hour). */
export interface PrefillShape {
  readonly sensors: number;
  /** Days of one reading a minute per sensor, up to `end`. */
  readonly minuteDays: number;
  /** Days of one reading an hour per sensor before the minute data (kept as roll-ups only). */
  readonly hourlyDays: number;
  readonly end: number;
  readonly districts: readonly string[];
}

export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Sensor id, district and value columns of generated rows; `t` is the time column. */
function generated(shape: PrefillShape): { sensor: string; district: string; value: string; from: string } {
  const width = (loadSensorIds(shape.sensors)[0]?.length ?? 0) - 'load-'.length;
  const districts = `[${shape.districts.map(sqlString).join(', ')}]`;
  return {
    sensor: `'load-' || lpad(CAST(s AS VARCHAR), ${width}, '0')`,
    district: `${districts}[(s - 1) % ${shape.districts.length} + 1]`,
    // A diurnal PM2.5 cycle plus a per-sensor offset: synthetic, only volume and layout matter here.
    value: `12 + 6 * sin(t / ${DAY_MS} * 2 * pi()) + (s % 7)`,
    from: `range(1, ${shape.sensors + 1}) a(s)`,
  };
}

/**
 * The store as a year of running leaves it: hourly and daily roll-ups for the old hours (their raw
 * readings gone past the retention), raw minute readings for the recent days.
 */
function fixtureSql(shape: PrefillShape, hourlyFrom: number, minuteFrom: number): string[] {
  const g = generated(shape);
  const hours = `range(${hourlyFrom}, ${minuteFrom}, ${HOUR_MS}) b(t)`;
  return [
    `INSERT INTO rollups_1h SELECT 'pm25', ${g.sensor}, ${g.district}, t, 60, 60 * (${g.value}), ${g.value} - 1, ${g.value} + 1 FROM ${g.from}, ${hours}`,
    `INSERT INTO rollups_1d SELECT quantity, sensor_id, district, bucket - bucket % ${DAY_MS}, sum(value_count), sum(value_sum), min(value_min), max(value_max)
FROM rollups_1h GROUP BY ALL`,
    `UPDATE rollup_state SET sealed_before = ${minuteFrom}`,
    `INSERT INTO readings SELECT ${g.sensor}, 'pm25', ${g.district}, t, ${g.value} FROM ${g.from}, range(${minuteFrom}, ${shape.end}, ${MINUTE_MS}) b(t)`,
    // Marks the recent hours as the store's write path does, so that maintenance rolls them up.
    `INSERT INTO rollup_dirty SELECT 'pm25', h FROM range(${minuteFrom}, ${shape.end}, ${HOUR_MS}) r(h)`,
  ];
}

/**
 * Writes the fixture straight into a fresh embedded store's tables, then lets the store roll up the
 * recent hours and apply the raw retention as it does in production (`maintain()`). Straight SQL
 * because the store's write path merges by primary key at ~15k rows/s here: 43 M rows would take
 * most of an hour. Returns the row counts.
 */
export async function prefillEmbeddedStore(
  dataDir: string,
  shape: PrefillShape,
): Promise<{ raw: number; hourly: number }> {
  const storage = createEmbeddedStorage({
    dataDir,
    rawRetentionMs: shape.minuteDays * DAY_MS,
    maintenanceDelayMs: DAY_MS,
  });
  await storage.start();
  try {
    const minuteFrom = shape.end - shape.minuteDays * DAY_MS;
    const hourlyFrom = minuteFrom - shape.hourlyDays * DAY_MS;
    await storage.database.write(async (c) => {
      for (const sql of fixtureSql(shape, hourlyFrom, minuteFrom)) await c.run(sql);
    });
    await storage.store.maintain();
    return await storage.database.read(async (c) => {
      const count = async (table: string) =>
        Number((await c.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${table}`)).getRows()[0]?.[0] ?? 0);
      return { raw: await count('readings'), hourly: await count('rollups_1h') };
    });
  } finally {
    await storage.close();
  }
}
