import { DAY_MS } from './rollup-plan.js';

/** `x` floored to a multiple of `width` (a SQL expression); DuckDB's % truncates toward zero. */
export const floored = (x: string, width: string | number): string =>
  `(${x} - ((${x} % ${width}) + ${width}) % ${width})`;

/**
 * A level of roll-ups that merges the sensors of a finer hourly table per (quantity, keys, bucket):
 * districts merge the per-sensor hours, the city merges the district hours. `sensor_rows` counts
 * the per-sensor roll-up rows a row stands for, so a level is in step with its source exactly when
 * their totals agree, which is checked at start.
 */
export interface MergedRollupLevel {
  readonly hourly: string;
  readonly daily: string;
  /** Key columns between quantity and bucket (`district`, or none for the city). */
  readonly keys: readonly string[];
  /** The hourly table merged into this level. */
  readonly source: string;
  /** The per-sensor rows of `source` rows, aggregated; `p` is a column prefix such as `h.`. */
  readonly sourceRows: (p: string) => string;
}

export interface MergedRollupSql {
  /** Creates the tables and brings them in step with the source (see `sync`). */
  readonly create: readonly string[];
  /**
   * Rebuilds both tables when they are out of step with the source (a database from before this
   * level, or roll-ups written around the store). Each DELETE empties its table only when the totals
   * disagree and each INSERT fills only an empty table, so in step they cost a few counts.
   */
  readonly sync: readonly string[];
  /**
   * Recomputes the rows of the marked hours (`marked`: quantity, hour) within [$from, $to) once the
   * source is up to date: rows replaced, never added to, so a rewrite counts once.
   */
  readonly hours: (marked: string) => string[];
  /** The same for the marked days (`markedDays`: quantity, day); `inDays` bounds a column to the pass. */
  readonly days: (markedDays: string, inDays: (column: string) => string) => string[];
}

const totals = (p: string): string =>
  `sum(${p}value_count), sum(${p}value_sum), min(${p}value_min), max(${p}value_max)`;

export function mergedRollupSql(level: MergedRollupLevel): MergedRollupSql {
  const { hourly, daily, source, sourceRows } = level;
  const keys = (p: string): string => level.keys.map((key) => `${p}${key}, `).join('');
  const keyColumns = level.keys.map((key) => `  ${key} VARCHAR NOT NULL,\n`).join('');
  const createTable = (table: string): string => `CREATE TABLE IF NOT EXISTS ${table} (
  quantity VARCHAR NOT NULL,
${keyColumns}  bucket BIGINT NOT NULL,
  sensor_rows BIGINT NOT NULL,
  value_count BIGINT NOT NULL,
  value_sum DOUBLE NOT NULL,
  value_min DOUBLE NOT NULL,
  value_max DOUBLE NOT NULL
)`;
  const rowsOf = (table: string): string => `(SELECT coalesce(sum(sensor_rows), 0) FROM ${table})`;
  const sync = [
    `DELETE FROM ${hourly} WHERE (SELECT coalesce(${sourceRows('')}, 0) FROM ${source}) <> ${rowsOf(hourly)}`,
    `INSERT INTO ${hourly} SELECT quantity, ${keys('')}bucket, ${sourceRows('')}, ${totals('')}
FROM ${source} WHERE NOT EXISTS (SELECT 1 FROM ${hourly}) GROUP BY ALL`,
    `DELETE FROM ${daily} WHERE ${rowsOf(hourly)} <> ${rowsOf(daily)}`,
    `INSERT INTO ${daily} SELECT quantity, ${keys('')}${floored('bucket', DAY_MS)}, sum(sensor_rows), ${totals('')}
FROM ${hourly} WHERE NOT EXISTS (SELECT 1 FROM ${daily}) GROUP BY ALL`,
  ];
  return {
    create: [createTable(hourly), createTable(daily), ...sync],
    sync,
    hours: (marked) => [
      `DELETE FROM ${hourly} USING (${marked}) m
WHERE ${hourly}.quantity = m.quantity AND ${hourly}.bucket = m.hour
  AND ${hourly}.bucket >= $from AND ${hourly}.bucket < $to`,
      `INSERT INTO ${hourly} SELECT h.quantity, ${keys('h.')}h.bucket, ${sourceRows('h.')}, ${totals('h.')}
FROM ${source} h JOIN (${marked}) m ON h.quantity = m.quantity AND h.bucket = m.hour
WHERE h.bucket >= $from AND h.bucket < $to GROUP BY ALL`,
    ],
    days: (markedDays, inDays) => [
      `DELETE FROM ${daily} USING (${markedDays}) m
WHERE ${daily}.quantity = m.quantity AND ${daily}.bucket = m.day AND ${inDays(`${daily}.bucket`)}`,
      `INSERT INTO ${daily} SELECT h.quantity, ${keys('h.')}${floored('h.bucket', DAY_MS)}, sum(h.sensor_rows), ${totals('h.')}
FROM ${hourly} h JOIN (${markedDays}) m ON h.quantity = m.quantity AND ${floored('h.bucket', DAY_MS)} = m.day
WHERE ${inDays('h.bucket')} GROUP BY ALL`,
    ],
  };
}
