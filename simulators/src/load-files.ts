import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPlanIssues, parsePlanYaml } from '@ssc-monitor/core';
import { SimulatorError } from './errors.js';
import { parseMappingYaml, type ReplayMapping } from './replay/mapping.js';
import { parseScenarioYaml, referencedPlan } from './scenarios/parse-scenario.js';
import { resolveScenario } from './scenarios/resolve-scenario.js';
import type { Scenario } from './scenarios/scenario.js';
import type { PlanContext } from './scenarios/scenario-checks.js';

/** A path as the user would type it: relative when under the working directory. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Reads a text file, failing with SIM_ERR_BAD_FILE and a one-line reason. */
export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new SimulatorError('SIM_ERR_BAD_FILE', `cannot read ${what} ${shownPath(file)}: ${reason}`, {
      cause: error,
    });
  }
}

/** The districts and sensors of a master plan file. */
export async function loadPlanContext(file: string): Promise<PlanContext> {
  const result = parsePlanYaml(await readTextFile(file, 'plan'));
  if (!result.ok)
    throw new SimulatorError(
      'SIM_ERR_BAD_FILE',
      `the plan is not valid:\n${formatPlanIssues(shownPath(file), result.issues)}`,
    );
  return { districts: result.plan.city.districts.map((d) => d.id), sensors: result.plan.sensors };
}

/**
 * Reads, validates and resolves a scenario file and the plan it references (a path relative to the
 * scenario). Fails with SIM_ERR_BAD_FILE listing every issue with its line.
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const text = await readTextFile(file, 'scenario');
  const planFile = referencedPlan(text);
  const plan =
    planFile === undefined ? undefined : await loadPlanContext(path.resolve(path.dirname(file), planFile));
  const result = parseScenarioYaml(text, plan);
  if (!result.ok)
    throw new SimulatorError(
      'SIM_ERR_BAD_FILE',
      `the scenario is not valid:\n${formatPlanIssues(shownPath(file), result.issues)}`,
    );
  return resolveScenario(result.value, plan);
}

/** Reads and validates a replay mapping; fails with SIM_ERR_BAD_FILE listing every issue with its line. */
export async function loadMapping(file: string): Promise<ReplayMapping> {
  const result = parseMappingYaml(await readTextFile(file, 'mapping'));
  if (!result.ok)
    throw new SimulatorError(
      'SIM_ERR_BAD_FILE',
      `the mapping is not valid:\n${formatPlanIssues(shownPath(file), result.issues)}`,
    );
  return result.value;
}
