import { StoreError } from '../store-error.js';

/** One series of an InfluxQL answer (or a part of it: chunked answers split long series). */
export interface QuerySeries {
  readonly tags: Readonly<Record<string, string>>;
  readonly columns: readonly string[];
  readonly values: readonly (readonly unknown[])[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function malformed(detail: string): StoreError {
  return new StoreError('STORE_ERR_QUERY', `malformed InfluxQL answer: ${detail}`);
}

function toTags(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw malformed('tags is not an object');
  const tags: Record<string, string> = {};
  for (const [key, tag] of Object.entries(value)) tags[key] = typeof tag === 'string' ? tag : '';
  return tags;
}

function toSeries(value: unknown): QuerySeries {
  if (!isRecord(value)) throw malformed('series is not an object');
  const { columns, values } = value;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
    throw malformed('columns is not a list of names');
  }
  const rows = values ?? [];
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw malformed('values is not a list of rows');
  return { tags: toTags(value.tags), columns: columns as string[], values: rows as unknown[][] };
}

function seriesOfResult(result: unknown): QuerySeries[] {
  if (!isRecord(result)) throw malformed('result is not an object');
  if (typeof result.error === 'string') throw new StoreError('STORE_ERR_QUERY', result.error);
  if (result.series === undefined) return [];
  if (!Array.isArray(result.series)) throw malformed('series is not a list');
  return result.series.map(toSeries);
}

/**
 * Parses a `/query` answer: one JSON document, or one per line when chunked. JSON never holds a raw
 * newline inside a value, so splitting on newlines is safe. Errors the server reports inside a
 * 200 answer become STORE_ERR_QUERY.
 */
export function parseQueryAnswer(text: string): QuerySeries[] {
  const series: QuerySeries[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let document: unknown;
    try {
      document = JSON.parse(line);
    } catch (error) {
      throw new StoreError('STORE_ERR_QUERY', 'InfluxQL answer is not JSON', { cause: error });
    }
    if (!isRecord(document)) throw malformed('not an object');
    if (typeof document.error === 'string') throw new StoreError('STORE_ERR_QUERY', document.error);
    if (!Array.isArray(document.results)) throw malformed('no results');
    for (const result of document.results) series.push(...seriesOfResult(result));
  }
  return series;
}

/** Reads named columns of a series' rows as numbers, or as strings for tag columns. */
export class SeriesColumns {
  readonly #series: QuerySeries;

  constructor(series: QuerySeries) {
    this.#series = series;
  }

  #index(name: string): number {
    const index = this.#series.columns.indexOf(name);
    if (index < 0) throw malformed(`no column ${name}`);
    return index;
  }

  numbers(name: string): number[] {
    const index = this.#index(name);
    return this.#series.values.map((row) => {
      const value = row[index];
      if (typeof value !== 'number') throw malformed(`column ${name} holds ${typeof value}`);
      return value;
    });
  }

  strings(name: string): string[] {
    const index = this.#index(name);
    return this.#series.values.map((row) => {
      const value = row[index];
      if (typeof value !== 'string') throw malformed(`column ${name} holds ${typeof value}`);
      return value;
    });
  }
}
