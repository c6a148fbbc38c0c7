import type { BenchRow, ScenarioResult } from '../scenario.js';
import type { Machine } from './machine.js';
import { judgeTargets, type Summary } from './summary.js';
import { formatMarkdownTable } from './table.js';

/** One run as kept in bench/results/<date>.json. */
export interface RunRecord {
  readonly date: string;
  readonly quick: boolean;
  readonly machine: Machine;
  readonly scenarios: Readonly<
    Record<string, ScenarioResult & { readonly title: string; readonly seconds: number }>
  >;
  readonly summary: Summary;
}

export const SUMMARY_START = '<!-- bench:summary:start -->';
export const SUMMARY_END = '<!-- bench:summary:end -->';

/** The Markdown summary of a run, for the block between the markers in docs/performance.md. */
export function markdownSummary(run: RunRecord): string {
  const m = run.machine;
  const parts = [
    `Latest full run: **${run.date}** — ${m.cores} cores (${m.cpu}), ${m.memory_gb} GB RAM, Node ${m.node}, ` +
      `Mosquitto ${m.mosquitto} (${m.mosquitto_settings}), InfluxDB ${m.influxdb}. Raw figures: \`bench/results/${fileStem(run.date)}.json\`.`,
    '',
    '### Targets',
    '',
    formatMarkdownTable(judgeTargets(run.summary).map((v) => ({ ...v }))),
  ];
  const memory: BenchRow[] = [];
  for (const [name, s] of Object.entries(run.scenarios)) {
    parts.push('', `### ${s.title} (\`${name}\`, ${s.seconds} s)`, '');
    if (s.rows.length > 0) parts.push(formatMarkdownTable(s.rows));
    for (const note of s.notes ?? []) parts.push('', `- ${note}`);
    for (const row of s.memory ?? []) memory.push({ scenario: name, ...row });
  }
  if (memory.length > 0)
    parts.push('', '### Memory at the end of each scenario', '', formatMarkdownTable(memory));
  return parts.join('\n');
}

/** Replaces the block between the markers (appending one when absent), leaving the rest of the doc as written. */
export function replaceSummaryBlock(doc: string, block: string): string {
  const start = doc.indexOf(SUMMARY_START);
  const end = doc.indexOf(SUMMARY_END);
  const fresh = `${SUMMARY_START}\n${block}\n${SUMMARY_END}`;
  if (start === -1 || end === -1 || end < start) return `${doc.trimEnd()}\n\n${fresh}\n`;
  return doc.slice(0, start) + fresh + doc.slice(end + SUMMARY_END.length);
}

/** `2026-12-04T15:02:03.456Z` → `2026-12-04T15-02-03Z`: a file name that sorts by time and is portable. */
export function fileStem(isoDate: string): string {
  return `${isoDate.slice(0, 19).replace(/:/g, '-')}Z`;
}
