import { DAY_MS } from './rollup-plan.js';

export const DISTRICT_HOURLY = 'district_rollups_1h';
export const DISTRICT_DAILY = 'district_rollups_1d';
export type DistrictRollupTable = typeof DISTRICT_HOURLY | typeof DISTRICT_DAILY;

/** `x` floored to a multiple of `width`; DuckDB's % truncates toward zero. */
export const floored = (x: string, width: number): string =>
  `(${x} - ((${x} % ${width}) + ${width}) % ${width})`;

/**
 * The per-sensor roll-ups merged per (quantity, district, bucket), so that a city or district
 * series reads a few rows per bucket instead of one per sensor (`city-rollup-sql.ts` merges them
 * once more for the whole city). `sensor_rows` is how many per-sensor roll-up rows a row merges: the hourly table is
 * in step with `rollups_1h` exactly when their counts agree, which the store checks at start.
 */
const createDistrictRollups = (table: DistrictRollupTable): string => `CREATE TABLE IF NOT EXISTS ${table} (
  quantity VARCHAR NOT NULL,
  district VARCHAR NOT NULL,
  bucket BIGINT NOT NULL,
  sensor_rows BIGINT NOT NULL,
  value_count BIGINT NOT NULL,
  value_sum DOUBLE NOT NULL,
  value_min DOUBLE NOT NULL,
  value_max DOUBLE NOT NULL
)`;

const MERGED = 'sum(value_count), sum(value_sum), min(value_min), max(value_max)';

/**
 * Run at start: rebuilds both district tables from `rollups_1h` when they are out of step with it,
 * i.e. a database from before district roll-ups, or roll-ups written straight into the tables (bulk
 * imports). Each DELETE empties its table only when the counts disagree, each INSERT fills only an
 * empty table, so the statements cost two counts when all is in step. Maintenance keeps them in
 * step from then on.
 */
export const SYNC_DISTRICT_ROLLUPS: readonly string[] = [
  `DELETE FROM ${DISTRICT_HOURLY} WHERE (SELECT count(*) FROM rollups_1h)
  <> (SELECT coalesce(sum(sensor_rows), 0) FROM ${DISTRICT_HOURLY})`,
  `INSERT INTO ${DISTRICT_HOURLY} SELECT quantity, district, bucket, count(*), ${MERGED}
FROM rollups_1h WHERE NOT EXISTS (SELECT 1 FROM ${DISTRICT_HOURLY}) GROUP BY ALL`,
  `DELETE FROM ${DISTRICT_DAILY} WHERE (SELECT coalesce(sum(sensor_rows), 0) FROM ${DISTRICT_HOURLY})
  <> (SELECT coalesce(sum(sensor_rows), 0) FROM ${DISTRICT_DAILY})`,
  `INSERT INTO ${DISTRICT_DAILY} SELECT quantity, district, ${floored('bucket', DAY_MS)}, sum(sensor_rows), ${MERGED}
FROM ${DISTRICT_HOURLY} WHERE NOT EXISTS (SELECT 1 FROM ${DISTRICT_DAILY}) GROUP BY ALL`,
];

export const CREATE_DISTRICT_ROLLUPS: readonly string[] = [
  createDistrictRollups(DISTRICT_HOURLY),
  createDistrictRollups(DISTRICT_DAILY),
  ...SYNC_DISTRICT_ROLLUPS,
];

/**
 * Recomputes the district rows of the marked hours (`marked`: quantity, hour) from `rollups_1h`,
 * once those are up to date, within [$from, $to): rows replaced, never added to, so a rewrite
 * counts once. Parameters $from and $to.
 */
export const districtHoursSql = (marked: string): string[] => [
  `DELETE FROM ${DISTRICT_HOURLY} USING (${marked}) m
WHERE ${DISTRICT_HOURLY}.quantity = m.quantity AND ${DISTRICT_HOURLY}.bucket = m.hour
  AND ${DISTRICT_HOURLY}.bucket >= $from AND ${DISTRICT_HOURLY}.bucket < $to`,
  `INSERT INTO ${DISTRICT_HOURLY} SELECT h.quantity, h.district, h.bucket, count(*),
  sum(h.value_count), sum(h.value_sum), min(h.value_min), max(h.value_max)
FROM rollups_1h h JOIN (${marked}) m ON h.quantity = m.quantity AND h.bucket = m.hour
WHERE h.bucket >= $from AND h.bucket < $to GROUP BY ALL`,
];

/**
 * The same for the marked days (`markedDays`: quantity, day), from the district hours; `inDays`
 * bounds a column to the days of the pass, as literals DuckDB prunes row groups by.
 */
export const districtDaysSql = (markedDays: string, inDays: (column: string) => string): string[] => [
  `DELETE FROM ${DISTRICT_DAILY} USING (${markedDays}) m
WHERE ${DISTRICT_DAILY}.quantity = m.quantity AND ${DISTRICT_DAILY}.bucket = m.day AND ${inDays(`${DISTRICT_DAILY}.bucket`)}`,
  `INSERT INTO ${DISTRICT_DAILY} SELECT h.quantity, h.district, ${floored('h.bucket', DAY_MS)}, sum(h.sensor_rows),
  sum(h.value_count), sum(h.value_sum), min(h.value_min), max(h.value_max)
FROM ${DISTRICT_HOURLY} h JOIN (${markedDays}) m ON h.quantity = m.quantity AND ${floored('h.bucket', DAY_MS)} = m.day
WHERE ${inDays('h.bucket')} GROUP BY ALL`,
];
