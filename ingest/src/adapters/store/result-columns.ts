import type { DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';
import { StoreError } from './store-error.js';

const isString = (value: DuckDBValue): value is string => typeof value === 'string';
const isNumber = (value: DuckDBValue): value is number => typeof value === 'number';
const isStringOrNull = (value: DuckDBValue): value is string | null => value === null || isString(value);

/**
 * Column-major access to a fully read result, checking each column's JS type once: rows from the
 * database are a boundary like any other. Queries cast BIGINT columns to DOUBLE so that every
 * number arrives as a JS number (epoch ms and counts stay below 2^53, where that cast is exact).
 */
export class ResultColumns {
  readonly rowCount: number;
  readonly #columns: DuckDBValue[][];

  constructor(reader: DuckDBResultReader) {
    this.rowCount = reader.currentRowCount;
    this.#columns = reader.getColumns();
  }

  strings(index: number): string[] {
    return this.#typed(index, isString, 'text');
  }

  nullableStrings(index: number): Array<string | null> {
    return this.#typed(index, isStringOrNull, 'text or NULL');
  }

  numbers(index: number): number[] {
    return this.#typed(index, isNumber, 'a number');
  }

  #typed<T extends DuckDBValue>(index: number, guard: (value: DuckDBValue) => value is T, what: string): T[] {
    const column = this.#columns[index] ?? [];
    if (column.length === this.rowCount && column.every(guard)) return column;
    throw new StoreError('STORE_ERR_QUERY', `result column ${index} does not hold ${what} in every row`);
  }
}
