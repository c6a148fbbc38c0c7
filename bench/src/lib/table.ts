import type { BenchRow } from '../scenario.js';

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Columns of the rows in first-seen order: rows of one scenario may differ in their keys. */
export function columnsOf(rows: readonly BenchRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

/** A plain-text table with right-aligned numbers, for the terminal. */
export function formatTable(rows: readonly BenchRow[]): string {
  const columns = columnsOf(rows);
  const cells = rows.map((row) => columns.map((c) => cell(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: readonly string[], numeric: (i: number) => boolean) =>
    values
      .map((v, i) => (numeric(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const isNumber = (i: number) => rows.some((row) => typeof row[columns[i] ?? ''] === 'number');
  return [
    line(columns, isNumber),
    line(
      widths.map((w) => '-'.repeat(w)),
      () => false,
    ),
    ...cells.map((r) => line(r, isNumber)),
  ].join('\n');
}

/** The same rows as a Markdown table, for docs/performance.md. */
export function formatMarkdownTable(rows: readonly BenchRow[]): string {
  const columns = columnsOf(rows);
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${columns.map(escape).join(' | ')} |`,
    `|${columns.map((c) => (rows.some((r) => typeof r[c] === 'number') ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${columns.map((c) => escape(cell(row[c]))).join(' | ')} |`),
  ].join('\n');
}
