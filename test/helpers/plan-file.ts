import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PLAN_FILE, loadPlanFile } from '@ssc-monitor/ingest';

/** A KPI entry as written in a plan file; the plan loader validates it and fills in defaults. */
export interface PlanKpiEntry {
  readonly id: string;
  readonly baseline: {
    readonly value: number;
    readonly period: { readonly from: string; readonly to: string };
  };
  readonly targets: readonly {
    readonly horizon: 'short' | 'medium' | 'long';
    readonly date: string;
    readonly value: number;
  }[];
}

/**
 * Writes the demo plan with extra KPIs into `dir` and returns its path, for PLAN_FILE. JSON is valid
 * YAML, so the plan loader reads it as it reads the shipped file.
 */
export async function writeDemoPlanWith(
  dir: string,
  extraKpis: readonly PlanKpiEntry[],
  /** Top-level sections to set, e.g. `{ feeds: [...] }`. */
  sections: Readonly<Record<string, unknown>> = {},
): Promise<string> {
  const demo = await loadPlanFile(DEMO_PLAN_FILE);
  const file = join(dir, 'plan.yaml');
  await writeFile(
    file,
    JSON.stringify({ ...demo, ...sections, kpis: [...demo.kpis, ...extraKpis] }, null, 2),
  );
  return file;
}
