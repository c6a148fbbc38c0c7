import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPlanIssues, parsePlanYaml } from '@ssc-monitor/core';
import { pino } from 'pino';
import { HELP_TEXT, parseCliArgs, type CliOptions } from './cli-options.js';
import { SimulatorError } from './errors.js';
import { redactUrl } from './publish/mqtt-publisher.js';
import { runDemoSimulation } from './run-demo.js';
import type { SimSensor } from './scenarios/demo-city.js';

const DEFAULT_PLAN_FILE = fileURLToPath(new URL('../../demo/plan.yaml', import.meta.url));

/** The plan's path as the user would type it: relative when under the working directory. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function loadSensors(file: string): Promise<readonly SimSensor[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      `simulate: cannot read plan ${shown(file)}: ${code === 'ENOENT' ? 'no such file' : String(error)}`,
    );
    return undefined;
  }
  const result = parsePlanYaml(text);
  if (!result.ok) {
    console.error(`simulate: the plan is not valid:\n${formatPlanIssues(shown(file), result.issues)}`);
    return undefined;
  }
  return result.plan.sensors;
}

function untilSignal(): Promise<NodeJS.Signals> {
  // once(): a second Ctrl-C during shutdown falls through to Node's default and ends the process.
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

async function simulate(options: CliOptions, sensors: readonly SimSensor[]): Promise<number> {
  const logger = pino({ name: 'simulate' });
  let simulation;
  try {
    simulation = await runDemoSimulation({ ...options, sensors, logger });
  } catch (error) {
    if (error instanceof SimulatorError) {
      console.error(`simulate: ${error.message}`);
      return 1;
    }
    throw error;
  }
  console.log(
    `simulate: publishing ${sensors.length} sensors to ${redactUrl(options.url)} every ${options.intervalMs / 1000} s (Ctrl-C stops)`,
  );
  const signal = await untilSignal();
  console.log(`simulate: ${signal}, stopping`);
  await simulation.stop();
  return 0;
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
  const sensors = await loadSensors(parsed.options.planFile);
  return sensors === undefined ? 1 : simulate(parsed.options, sensors);
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
