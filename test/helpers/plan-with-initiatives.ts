import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PLAN_FILE, loadPlanFile } from '@ssc-monitor/ingest';

/** An initiative as written in a plan file (phase 3 of the master plan). */
export interface InitiativeEntry {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly budget?: { readonly amount: number; readonly currency: string };
  readonly start: string;
  readonly end: string;
  readonly kpis: readonly string[];
  readonly description?: string;
}

/** Writes the demo plan with initiatives and stakeholders into `dir` and returns its path, for PLAN_FILE. */
export async function writeDemoPlanWithInitiatives(
  dir: string,
  initiatives: readonly InitiativeEntry[],
  stakeholders: readonly { name: string; role: string; organisation?: string }[] = [],
): Promise<string> {
  const demo = await loadPlanFile(DEMO_PLAN_FILE);
  const file = join(dir, 'plan.yaml');
  await writeFile(file, JSON.stringify({ ...demo, initiatives, stakeholders }, null, 2));
  return file;
}
