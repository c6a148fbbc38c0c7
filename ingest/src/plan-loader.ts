import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatPlanIssues, parsePlanYaml, type Plan } from '@ssc-monitor/core';
import { PlatformError } from './platform-errors.js';

/** The demo city's plan shipped in the repository. */
export const DEMO_PLAN_FILE = fileURLToPath(new URL('../../demo/plan.yaml', import.meta.url));

/** Reads and validates a plan file; every issue is reported with its line. */
export async function loadPlanFile(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PlatformError(
      'PLATFORM_ERR_PLAN',
      `Cannot read the plan file ${file}: ${(error as Error).message}. Check PLAN_FILE.`,
      { cause: error },
    );
  }
  const result = parsePlanYaml(text);
  if (!result.ok)
    throw new PlatformError(
      'PLATFORM_ERR_PLAN',
      `The plan file has errors:\n${formatPlanIssues(file, result.issues)}`,
    );
  return result.plan;
}
