import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { HELP_TEXT, parseCliArgs, type CliOptions, type LoadCliOptions } from './cli-options.js';
import {
  loadSecondReport,
  loadSummaryReport,
  scenarioSummaryReport,
  timelineReport,
  type Report,
} from './cli-report.js';
import { SimulatorError } from './errors.js';
import { loadPlanContext, loadScenario } from './load-files.js';
import { runLoad } from './load/load-generator.js';
import { redactUrl } from './publish/mqtt-publisher.js';
import { ProgressReporter } from './run/progress.js';
import { runScenario, type ScenarioRun } from './run/run-scenario.js';
import { planTime, type TimePlan } from './run/time-plan.js';
import { defaultScenario, type Scenario } from './scenarios/scenario.js';

const DEFAULT_PLAN_FILE = fileURLToPath(new URL('../../demo/plan.yaml', import.meta.url));
/** Ingest refuses readings stamped further ahead of its clock than this (MAX_CLOCK_AHEAD_MS). */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

function untilSignal(): Promise<NodeJS.Signals> {
  // once(): a second Ctrl-C during shutdown falls through to Node's default and ends the process.
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** The final report: a readable line on a terminal, a JSON line for scripts. */
function printSummary({ event, line }: Report): void {
  console.log(process.stdout.isTTY ? line : JSON.stringify(event));
}

/** Ends the progress output with the summary; scripts reading stdout get it as JSON too. */
function finish(progress: ProgressReporter, report: Report): void {
  progress.finish(report.event, report.line);
  if (!process.stdout.isTTY) console.log(JSON.stringify(report.event));
}

async function scenarioOf(options: CliOptions): Promise<Scenario> {
  if (options.scenarioFile !== undefined) return loadScenario(options.scenarioFile);
  return defaultScenario((await loadPlanContext(options.planFile)).sensors);
}

function warnings(scenario: Scenario, time: TimePlan, logger: Logger): void {
  const kinds = new Set(Object.keys(scenario.kinds));
  const unsupported = scenario.sensors.filter((s) => s.kind === undefined || !kinds.has(s.kind));
  if (unsupported.length > 0)
    logger.warn(
      { sensors: unsupported.map((s) => ({ id: s.id, kind: s.kind ?? null })) },
      'no model for the kind of these sensors; they publish nothing',
    );
  const end = time.kind === 'realtime' ? undefined : time.to;
  if (time.kind === 'accelerated' && (end === undefined || end > Date.now() + FUTURE_TOLERANCE_MS))
    logger.warn(
      'simulated time will run ahead of the wall clock; the ingest refuses readings from the future',
    );
}

async function realtime(
  run: ScenarioRun,
  options: CliOptions,
  time: Extract<TimePlan, { kind: 'realtime' }>,
) {
  console.log(
    `simulate: publishing ${run.city.sensors.length} sensors to ${redactUrl(options.url)} every ${time.stepMs / 1000} s (Ctrl-C stops)`,
  );
  const signal = await untilSignal();
  console.log(`simulate: ${signal}, stopping`);
  await run.stop();
  printSummary(scenarioSummaryReport(await run.done));
}

async function simulate(options: CliOptions): Promise<number> {
  const time = planTime(options, Date.now());
  if ('problem' in time) {
    console.error(`simulate: ${time.problem}`);
    return 2;
  }
  const logger = pino({ name: 'simulate', level: time.kind === 'realtime' ? 'info' : 'warn' });
  const scenario = await scenarioOf(options);
  warnings(scenario, time, logger);
  const progress = new ProgressReporter(process.stderr);
  const run = await runScenario({
    ...options,
    scenario,
    time,
    logger,
    onProgress: (p) => {
      const { event, line } = timelineReport(p);
      progress.update(event, line);
    },
  });
  if (time.kind === 'realtime') {
    await realtime(run, options, time);
    return 0;
  }
  void untilSignal().then(() => run.stop());
  const summary = await run.done;
  finish(progress, scenarioSummaryReport(summary));
  return summary.failed > 0 ? 1 : 0;
}

async function load(options: LoadCliOptions): Promise<number> {
  const progress = new ProgressReporter(process.stderr, { everyMs: 0 });
  const abort = new AbortController();
  void untilSignal().then(() => abort.abort());
  const summary = await runLoad({
    ...options,
    signal: abort.signal,
    onSecond: (second) => {
      const { event, line } = loadSecondReport(second, options.rate);
      progress.update(event, line);
    },
  });
  finish(progress, loadSummaryReport(summary));
  return summary.errors > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2), process.env, DEFAULT_PLAN_FILE);
  if (parsed.kind === 'help') {
    console.log(HELP_TEXT);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    for (const problem of parsed.problems) console.error(`simulate: ${problem}`);
    console.error('simulate: run with --help for usage');
    return 2;
  }
  try {
    return await (parsed.kind === 'load' ? load(parsed.options) : simulate(parsed.options));
  } catch (error) {
    if (!(error instanceof SimulatorError)) throw error;
    console.error(`simulate: ${error.message}`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`simulate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
