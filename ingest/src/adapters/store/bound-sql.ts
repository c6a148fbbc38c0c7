import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { StoreError } from './store-error.js';

/** A statement with its named parameters; values from outside only ever travel as parameters. */
export interface BoundSql {
  readonly sql: string;
  readonly values: Record<string, DuckDBValue>;
  readonly types: Record<string, DuckDBType>;
}

/** Collects named parameters while a statement is assembled from constant fragments. */
export class SqlParams {
  readonly values: Record<string, DuckDBValue> = {};
  readonly types: Record<string, DuckDBType> = {};

  /** Registers a parameter and returns its placeholder, e.g. `$from`. */
  add(name: string, value: DuckDBValue, type: DuckDBType): string {
    this.values[name] = value;
    this.types[name] = type;
    return `$${name}`;
  }

  bind(sql: string): BoundSql {
    return { sql, values: this.values, types: this.types };
  }
}

/**
 * A time bound in epoch ms as a BIGINT parameter. Stored timestamps are whole milliseconds, so
 * rounding a fractional bound up keeps `ts >= from` and `ts < to` exact.
 */
export function msBound(ms: number): number {
  if (Number.isNaN(ms)) throw new StoreError('STORE_ERR_QUERY', 'time bound is NaN');
  return Math.min(Math.max(Math.ceil(ms), -Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
}
