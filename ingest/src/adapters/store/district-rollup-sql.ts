import { mergedRollupSql } from './merged-rollup-sql.js';

export const DISTRICT_HOURLY = 'district_rollups_1h';
export const DISTRICT_DAILY = 'district_rollups_1d';

/**
 * The per-sensor roll-ups merged per (quantity, district, bucket), so that a district series reads a
 * few rows per bucket instead of one per sensor; `city-rollup-sql.ts` merges them once more.
 */
const district = mergedRollupSql({
  hourly: DISTRICT_HOURLY,
  daily: DISTRICT_DAILY,
  keys: ['district'],
  source: 'rollups_1h',
  sourceRows: () => 'count(*)',
});

export const CREATE_DISTRICT_ROLLUPS = district.create;
export const districtHoursSql = district.hours;
export const districtDaysSql = district.days;
