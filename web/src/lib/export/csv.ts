/** A cell as exported: numbers stay numbers (dot decimal, full precision), missing values are empty. */
export type CsvCell = string | number | null | undefined;

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvCell;
}

/**
 * Spreadsheets run text starting with these as a formula; such cells get a leading apostrophe (the
 * OWASP advice against CSV injection). Only text is guarded, so a negative number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  // RFC 4180: quote fields holding a separator, a quote or a line break; double inner quotes.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header row, comma separators, CRLF line ends. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => cellText(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cellText(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Epoch ms as ISO 8601 UTC, the one time format every tool reads; empty when unknown. */
export function isoTime(epochMs: number | null | undefined): string {
  return epochMs === null || epochMs === undefined ? '' : new Date(epochMs).toISOString();
}

/** "pm25-history-2026-11-25.csv": names that sort by date and survive every file system. */
export function exportFileName(stem: string, extension: string, at: number): string {
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe}-${new Date(at).toISOString().slice(0, 10)}.${extension}`;
}
