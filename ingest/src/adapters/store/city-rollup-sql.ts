import { DISTRICT_HOURLY, floored } from './district-rollup-sql.js';
import { DAY_MS } from './rollup-plan.js';

export const CITY_HOURLY = 'city_rollups_1h';
export const CITY_DAILY = 'city_rollups_1d';
type CityRollupTable = typeof CITY_HOURLY | typeof CITY_DAILY;

/**
 * The district roll-ups merged per (quantity, bucket): a city series over a year reads 8,760
 * hourly rows instead of one per district and hour. `sensor_rows` as in the district tables.
 */
const createCityRollups = (table: CityRollupTable): string => `CREATE TABLE IF NOT EXISTS ${table} (
  quantity VARCHAR NOT NULL,
  bucket BIGINT NOT NULL,
  sensor_rows BIGINT NOT NULL,
  value_count BIGINT NOT NULL,
  value_sum DOUBLE NOT NULL,
  value_min DOUBLE NOT NULL,
  value_max DOUBLE NOT NULL
)`;

const MERGED = 'sum(sensor_rows), sum(value_count), sum(value_sum), min(value_min), max(value_max)';

/** Same rule as `SYNC_DISTRICT_ROLLUPS`, one level up; run after it. */
export const SYNC_CITY_ROLLUPS: readonly string[] = [
  `DELETE FROM ${CITY_HOURLY} WHERE (SELECT coalesce(sum(sensor_rows), 0) FROM ${DISTRICT_HOURLY})
  <> (SELECT coalesce(sum(sensor_rows), 0) FROM ${CITY_HOURLY})`,
  `INSERT INTO ${CITY_HOURLY} SELECT quantity, bucket, ${MERGED}
FROM ${DISTRICT_HOURLY} WHERE NOT EXISTS (SELECT 1 FROM ${CITY_HOURLY}) GROUP BY ALL`,
  `DELETE FROM ${CITY_DAILY} WHERE (SELECT coalesce(sum(sensor_rows), 0) FROM ${CITY_HOURLY})
  <> (SELECT coalesce(sum(sensor_rows), 0) FROM ${CITY_DAILY})`,
  `INSERT INTO ${CITY_DAILY} SELECT quantity, ${floored('bucket', DAY_MS)}, ${MERGED}
FROM ${CITY_HOURLY} WHERE NOT EXISTS (SELECT 1 FROM ${CITY_DAILY}) GROUP BY ALL`,
];

export const CREATE_CITY_ROLLUPS: readonly string[] = [
  createCityRollups(CITY_HOURLY),
  createCityRollups(CITY_DAILY),
  ...SYNC_CITY_ROLLUPS,
];

/** Recomputes the city rows of the marked hours from the district hours; as `districtHoursSql`. */
export const cityHoursSql = (marked: string): string[] => [
  `DELETE FROM ${CITY_HOURLY} USING (${marked}) m
WHERE ${CITY_HOURLY}.quantity = m.quantity AND ${CITY_HOURLY}.bucket = m.hour
  AND ${CITY_HOURLY}.bucket >= $from AND ${CITY_HOURLY}.bucket < $to`,
  `INSERT INTO ${CITY_HOURLY} SELECT h.quantity, h.bucket, sum(h.sensor_rows),
  sum(h.value_count), sum(h.value_sum), min(h.value_min), max(h.value_max)
FROM ${DISTRICT_HOURLY} h JOIN (${marked}) m ON h.quantity = m.quantity AND h.bucket = m.hour
WHERE h.bucket >= $from AND h.bucket < $to GROUP BY ALL`,
];

/** Recomputes the city rows of the marked days from the city hours; as `districtDaysSql`. */
export const cityDaysSql = (markedDays: string, inDays: (column: string) => string): string[] => [
  `DELETE FROM ${CITY_DAILY} USING (${markedDays}) m
WHERE ${CITY_DAILY}.quantity = m.quantity AND ${CITY_DAILY}.bucket = m.day AND ${inDays(`${CITY_DAILY}.bucket`)}`,
  `INSERT INTO ${CITY_DAILY} SELECT h.quantity, ${floored('h.bucket', DAY_MS)}, sum(h.sensor_rows),
  sum(h.value_count), sum(h.value_sum), min(h.value_min), max(h.value_max)
FROM ${CITY_HOURLY} h JOIN (${markedDays}) m ON h.quantity = m.quantity AND ${floored('h.bucket', DAY_MS)} = m.day
WHERE ${inDays('h.bucket')} GROUP BY ALL`,
];
