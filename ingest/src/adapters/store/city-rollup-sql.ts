import { DISTRICT_HOURLY } from './district-rollup-sql.js';
import { mergedRollupSql } from './merged-rollup-sql.js';

export const CITY_HOURLY = 'city_rollups_1h';
export const CITY_DAILY = 'city_rollups_1d';

/**
 * The district roll-ups merged per (quantity, bucket): a city series over a year reads 8,760 hourly
 * rows instead of one per district and hour. Kept after the district level, from its hours.
 */
const city = mergedRollupSql({
  hourly: CITY_HOURLY,
  daily: CITY_DAILY,
  keys: [],
  source: DISTRICT_HOURLY,
  sourceRows: (p) => `sum(${p}sensor_rows)`,
});

export const CREATE_CITY_ROLLUPS = city.create;
export const cityHoursSql = city.hours;
export const cityDaysSql = city.days;
