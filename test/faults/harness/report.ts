import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Tally } from './checker.js';
import { LONG } from './mode.js';

const DOC = fileURLToPath(new URL('../../../docs/reliability.md', import.meta.url));
/**
 * The generated tables of docs/reliability.md: `fault-table` holds the faults the guarantee covers
 * (lost = 0 on every row); `limit-table` holds deployments measured to lose readings for a reason
 * outside ingest (a broker that drops a subscription), kept apart so neither hides the other.
 */
export type ReportTable = 'fault-table' | 'limit-table';
const markers = (table: ReportTable) => ({ begin: `<!-- ${table}:begin -->`, end: `<!-- ${table}:end -->` });
const HEADER = [
  '| fault | readings acknowledged | stored | rejected | lost | duplicates | recovery time |',
  '|---|---:|---:|---:|---:|---:|---:|',
];

export interface FaultRow extends Tally {
  readonly fault: string;
  /** From the end of the fault until everything acknowledged before it was stored or rejected, ms. */
  readonly recoveryMs: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function formatRow(row: FaultRow): string {
  const cells = [
    row.fault,
    row.acknowledged,
    row.stored,
    row.rejected,
    row.lost,
    row.duplicates,
    seconds(row.recoveryMs),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Replaces (or adds) the fault's row in the generated table, keeping the other rows. */
export function mergeTable(doc: string, row: FaultRow, table: ReportTable = 'fault-table'): string {
  const { begin: BEGIN, end: END } = markers(table);
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/reliability.md has no ${BEGIN} … ${END} block`);
  const firstCell = (line: string): string => line.split('|')[1]?.trim() ?? '';
  const rows = doc
    .slice(begin + BEGIN.length, end)
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^(fault|:?-+:?)$/.test(firstCell(line)))
    .filter((line) => firstCell(line) !== row.fault);
  rows.push(formatRow(row));
  rows.sort();
  return `${doc.slice(0, begin + BEGIN.length)}\n${[...HEADER, ...rows].join('\n')}\n${doc.slice(end)}`;
}

/** Prints the row; the long form also writes it into docs/reliability.md. */
export async function report(row: FaultRow, table: ReportTable = 'fault-table'): Promise<void> {
  process.stdout.write(`${HEADER[0]}\n${formatRow(row)}\n`);
  if (!LONG) return;
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  const text = mergeTable(await readFile(DOC, 'utf8'), row, table);
  // Formatted as the repository's lint expects, so that the generated table passes prettier --check.
  await writeFile(DOC, await prettier.format(text, { ...options, parser: 'markdown' }));
}
