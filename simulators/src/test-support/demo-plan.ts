import { readFileSync } from 'node:fs';
import { parsePlanYaml, type Plan } from '@ssc-monitor/core';

/** The demo city's plan as shipped in demo/plan.yaml: the calibration targets are stated for it. */
export function loadDemoPlan(): Plan {
  const result = parsePlanYaml(readFileSync(new URL('../../../demo/plan.yaml', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`demo/plan.yaml is invalid: ${JSON.stringify(result.issues)}`);
  return result.plan;
}

/** Epoch ms of a local (UTC+1) wall-clock time in the demo city. */
export function localMs(isoLocal: string): number {
  return Date.parse(`${isoLocal}+01:00`);
}
