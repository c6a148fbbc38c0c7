import type { Reading } from '../readings/reading.js';
import { parseCsv, type CsvRecord } from './csv.js';
import type { FeedErrorCode, FeedProblem } from './feed-errors.js';
import {
  feedCell,
  mapFeedRow,
  type FeedMapping,
  type RowError,
  type RowMappingContext,
  type SourceRow,
} from './feed-mapping.js';
import { DEFAULT_FEED_CSV_OPTIONS, type Feed, type FeedCsvOptions } from './feed.js';

/** Rows of a payload, with the rows already refused while reading it (e.g. a wrong field count). */
export type RowsResult =
  | { readonly ok: true; readonly rows: SourceRow[]; readonly errors: RowError[] }
  | { readonly ok: false; readonly problem: FeedProblem };

/** Row errors kept per batch; the rest are only counted, so a broken feed cannot fill the memory. */
export const MAX_ROW_ERRORS = 100;

/** What one payload (a file, or one page of a portal) gave. */
export interface FeedBatch {
  readonly rowsRead: number;
  /** Rows with at least one refused cell (their other cells may still have given readings). */
  readonly rowsRejected: number;
  readonly readings: Reading[];
  /** The first MAX_ROW_ERRORS errors, in row order. */
  readonly errors: RowError[];
  readonly errorCounts: Partial<Record<FeedErrorCode, number>>;
}

const problem = (code: FeedErrorCode, message: string): RowsResult => ({
  ok: false,
  problem: { code, message },
});
const LIKELY_DELIMITERS = [',', ';', '\t', '|'];
const showDelimiter = (d: string) => (d === '\t' ? 'tab' : `'${d}'`);

function checkHeader(
  header: readonly string[],
  delimiter: string,
  columns: readonly string[],
): RowsResult | undefined {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length === 0) {
    const twice = columns.find((c) => header.indexOf(c) !== header.lastIndexOf(c));
    return twice === undefined
      ? undefined
      : problem('FEED_ERR_CSV_HEADER', `column '${twice}' appears twice in the header`);
  }
  const only = header.length === 1 ? (header[0] ?? '') : '';
  const guess = LIKELY_DELIMITERS.find((d) => d !== delimiter && only.includes(d));
  if (guess !== undefined)
    return problem(
      'FEED_ERR_CSV_DELIMITER',
      `the header is one column; the file seems to use ${showDelimiter(guess)} as delimiter, not ${showDelimiter(delimiter)} (set csv.delimiter)`,
    );
  return problem(
    'FEED_ERR_MISSING_COLUMN',
    `column ${missing.map((c) => `'${c}'`).join(', ')} not in the header (${header.slice(0, 20).join(', ')})`,
  );
}

function toRows(records: readonly CsvRecord[], names: readonly string[], firstRow: number): RowsResult {
  const rows: SourceRow[] = [];
  const errors: RowError[] = [];
  records.forEach((record, i) => {
    const row = firstRow + i;
    if (record.fields.length !== names.length) {
      errors.push({
        row,
        line: record.line,
        column: null,
        code: 'FEED_ERR_ROW_WIDTH',
        message: `the row has ${record.fields.length} fields, the header ${names.length}`,
      });
      return;
    }
    // No prototype: a header cell named '__proto__' must be a column like any other, not a setter.
    const values = Object.create(null) as Record<string, unknown>;
    // First occurrence wins when a header repeats a name the mapping does not use.
    for (let c = names.length - 1; c >= 0; c -= 1) values[names[c] ?? ''] = record.fields[c];
    rows.push({ row, line: record.line, values });
  });
  return { ok: true, rows, errors };
}

/** CSV text to rows keyed by header names (or '1', '2', … without a header). */
export function parseCsvRows(
  text: string,
  options: FeedCsvOptions = DEFAULT_FEED_CSV_OPTIONS,
  columns: readonly string[] = [],
): RowsResult {
  if (text.trim() === '' || text === '\ufeff') return problem('FEED_ERR_EMPTY', 'the file is empty');
  const parsed = parseCsv(text, options.delimiter);
  if (!parsed.ok) return problem('FEED_ERR_CSV_SYNTAX', `line ${parsed.line}: ${parsed.reason}`);
  const [first, ...rest] = parsed.records;
  if (first === undefined) return problem('FEED_ERR_EMPTY', 'the file has no records');
  if (!options.header) {
    const names = first.fields.map((_, i) => String(i + 1));
    return toRows(parsed.records, names, 1);
  }
  const header = first.fields.map((name) => name.trim());
  return checkHeader(header, options.delimiter, columns) ?? toRows(rest, header, 1);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (value === undefined) return 'absent';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** Parses JSON text (a leading byte-order mark allowed). */
export function parseJsonDocument(
  text: string,
): { ok: true; json: unknown } | { ok: false; problem: FeedProblem } {
  if (text.trim() === '' || text === '\ufeff')
    return { ok: false, problem: { code: 'FEED_ERR_EMPTY', message: 'the payload is empty' } };
  try {
    return { ok: true, json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (error) {
    const message = `the payload is not JSON (${(error as Error).message})`;
    return { ok: false, problem: { code: 'FEED_ERR_NOT_JSON', message } };
  }
}

/** The records array of a JSON document: at `recordsPath` (a.b.c), or the document itself. */
export function parseJsonRows(text: string, recordsPath?: string): RowsResult {
  const document = parseJsonDocument(text);
  if (!document.ok) return document;
  const json = document.json;
  const records = recordsPath === undefined ? json : feedCell({ '': json }, `.${recordsPath}`);
  if (!Array.isArray(records)) {
    const arrays =
      typeof json === 'object' && json !== null && !Array.isArray(json)
        ? Object.keys(json).filter((k) => Array.isArray((json as Record<string, unknown>)[k]))
        : [];
    const hint = arrays.length > 0 ? `; set json.records to one of: ${arrays.join(', ')}` : '';
    const where = recordsPath === undefined ? 'the payload' : `json.records '${recordsPath}'`;
    return problem('FEED_ERR_NO_RECORDS', `${where} is ${describe(records)}, not an array of records${hint}`);
  }
  return recordRows(records, 1);
}

/** Rows from an array of JSON records (a JSON file or a portal page); non-objects are refused. */
export function recordRows(records: readonly unknown[], firstRow = 1): RowsResult {
  const rows: SourceRow[] = [];
  const errors: RowError[] = [];
  records.forEach((record, i) => {
    const row = firstRow + i;
    if (typeof record === 'object' && record !== null && !Array.isArray(record))
      rows.push({ row, line: null, values: record as Record<string, unknown> });
    else
      errors.push({
        row,
        line: null,
        column: null,
        code: 'FEED_ERR_NOT_A_RECORD',
        message: `record is ${describe(record)}, not an object`,
      });
  });
  return { ok: true, rows, errors };
}

/** Rows of a `csv` or `json` feed's payload (portal formats are read page by page instead). */
export function parseFileRows(text: string, feed: Feed, mapping: FeedMapping): RowsResult {
  return feed.format === 'csv'
    ? parseCsvRows(text, { ...DEFAULT_FEED_CSV_OPTIONS, ...feed.csv }, mapping.columns)
    : parseJsonRows(text, feed.json?.records);
}

/** Maps parsed rows to readings, counting refused rows and keeping a bounded error sample. */
export function mapFeedRows(
  rows: Extract<RowsResult, { ok: true }>,
  mapping: FeedMapping,
  context: RowMappingContext,
): FeedBatch {
  const readings: Reading[] = [];
  const errors: RowError[] = [];
  const errorCounts: Partial<Record<FeedErrorCode, number>> = {};
  const rejected = new Set<number>();
  const report = (error: RowError) => {
    errorCounts[error.code] = (errorCounts[error.code] ?? 0) + 1;
    rejected.add(error.row);
    if (errors.length < MAX_ROW_ERRORS) errors.push(error);
  };
  rows.errors.forEach(report);
  for (const row of rows.rows)
    for (const reading of mapFeedRow(mapping, row, context, report)) readings.push(reading);
  return {
    rowsRead: rows.rows.length + rows.errors.length,
    rowsRejected: rejected.size,
    readings,
    errors: errors.sort((a, b) => a.row - b.row),
    errorCounts,
  };
}
