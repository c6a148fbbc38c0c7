import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stopBenchMosquitto } from './lib/bench-mosquitto.js';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from './scenario.js';
import { describeMachine } from './lib/machine.js';
import { REPO_ROOT } from './lib/platform.js';
import { killAll } from './lib/processes.js';
import { fileStem, markdownSummary, replaceSummaryBlock, type RunRecord } from './lib/report.js';
import { releaseAll } from './lib/shared-setup.js';
import { buildSummary, judgeTargets } from './lib/summary.js';
import { formatTable } from './lib/table.js';
import { allScenarios } from './scenarios/index.js';

const HELP = `npm run bench [-- options]

Runs the performance scenarios side by side on this machine, prints a table per scenario, writes
bench/results/<date>.json and the summary block of docs/performance.md (full runs only).

  --quick          a reduced run of every scenario (under 60 s); last line is one JSON object
  --only <names>   comma-separated scenario names: ${allScenarios()
    .map((s) => s.name)
    .join(', ')}
  --cpu-prof       write a V8 CPU profile of the ingest process to bench/results/profiles/
  --help           this text
`;

const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
const DOC = join(REPO_ROOT, 'docs', 'performance.md');

function parse() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return values;
}

/** Progress goes to stderr, so that stdout holds the tables and, last, the JSON summary line. */
const progress = (line: string) => process.stderr.write(`${line}\n`);

function printResult(title: string, result: ScenarioResult): void {
  console.log(`\n## ${title}\n`);
  if (result.rows.length > 0) console.log(formatTable(result.rows));
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  if ((result.memory ?? []).length > 0) console.log(`\n${formatTable(result.memory ?? [])}`);
}

/** Each progress line carries the seconds since `started`: where a run spends its time. */
function contextFor(name: string, quick: boolean, started: number): BenchContext {
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  return { quick, log: (line) => progress(`[${name} +${elapsed()} s] ${line}`) };
}

/**
 * Quick runs start every scenario's set-up side by side, before the first measurement: start-ups
 * overlap one another and leave idle processes behind, never a measurement running beside them.
 */
async function prepareAll(scenarios: readonly Scenario[]): Promise<void> {
  const started = Date.now();
  const outcomes = await Promise.allSettled(
    scenarios.map(async (s) => {
      if (s.prepare === undefined) return;
      const context = contextFor(s.name, true, started);
      await s.prepare(context);
      context.log('set-up ready');
    }),
  );
  outcomes.forEach((outcome, i) => {
    // The scenario meets the same failure again when it runs, and is recorded as failed then.
    if (outcome.status === 'rejected')
      progress(`[${scenarios[i]?.name}] set-up failed: ${String(outcome.reason).split('\n')[0]}`);
  });
  progress(`[set-up] side by side in ${Math.round((Date.now() - started) / 100) / 10} s`);
}

async function main(): Promise<void> {
  const flags = parse();
  if (flags.help) {
    console.log(HELP);
    return;
  }
  const quick = flags.quick ?? false;
  const only = flags.only?.split(',').map((s) => s.trim());
  const cpuProfDir = flags['cpu-prof'] ? join(RESULTS_DIR, 'profiles') : undefined;
  if (cpuProfDir) await mkdir(cpuProfDir, { recursive: true });
  const scenarios = allScenarios(cpuProfDir ? { cpuProfDir } : {}).filter(
    (s) => !only || only.includes(s.name),
  );
  const date = new Date().toISOString();
  if (quick) await prepareAll(scenarios);
  const recorded: Record<string, RunRecord['scenarios'][string]> = {};
  for (const scenario of scenarios) {
    progress(`[${scenario.name}] ${scenario.title}${quick ? ' (quick)' : ''}`);
    const started = Date.now();
    let result: ScenarioResult;
    try {
      result = await scenario.run(contextFor(scenario.name, quick, started));
    } catch (error) {
      // A quick run's shared set-ups still serve later scenarios: releaseAll stops them at the end.
      if (!quick) killAll();
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      progress(`[${scenario.name}] failed: ${message}`);
      result = { rows: [], summary: {}, notes: [`failed: ${message}`] };
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    progress(`[${scenario.name}] done in ${seconds} s`);
    recorded[scenario.name] = { title: scenario.title, seconds, ...result };
    printResult(scenario.title, result);
  }
  await releaseAll();
  // After every platform that subscribed to it; a failure or Ctrl-C ends it through killAll instead.
  await stopBenchMosquitto();
  const summary = buildSummary(Object.values(recorded));
  // The whole run, from the process start (bundling included): the issue's "quick run < 60 s".
  if (quick) summary.quick_run_s = Math.round(process.uptime() * 10) / 10;
  const run: RunRecord = { date, quick, machine: describeMachine(), scenarios: recorded, summary };
  const verdicts: BenchRow[] = judgeTargets(run.summary).map((v) => ({ ...v }));
  console.log(`\n## Targets (reported, never failing the run)\n\n${formatTable(verdicts)}`);
  await mkdir(RESULTS_DIR, { recursive: true });
  // Only full runs of every scenario are kept and summarised; quick and partial runs stay local (*.tmp).
  const complete = !quick && only === undefined;
  const file = join(
    RESULTS_DIR,
    `${fileStem(date)}${complete ? '.json' : `.${quick ? 'quick' : 'partial'}.tmp`}`,
  );
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
  progress(`results: ${file}`);
  if (complete) {
    const doc = await readFile(DOC, 'utf8').catch(() => '# Performance\n');
    await writeFile(DOC, replaceSummaryBlock(doc, markdownSummary(run)));
    progress(`summary: ${DOC}`);
  }
  console.log(JSON.stringify(run.summary));
}

const interrupted = () => {
  killAll();
  process.exit(130);
};
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

try {
  await main();
} finally {
  killAll();
}
// Clients and timers of the scenarios may linger; the bench is done.
process.exit(0);
