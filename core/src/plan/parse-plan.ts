import { Value } from '@sinclair/typebox/value';
import { feedListIssues } from '../feeds/index.js';
import { findKpiDefinition } from '../kpi/catalogue.js';
import { isTimeZone } from '../time/local-time.js';
import { PlanSchema, catalogueIdOf, type Plan } from './plan.js';
import { reportListIssues } from './report-schedule.js';
import { parseYamlFile } from '../yaml/parse-yaml-file.js';

export interface PlanIssue {
  /** 1-based line in the YAML text, when known. */
  readonly line: number | null;
  /** JSON pointer into the plan, e.g. /kpis/2/targets/0/date. */
  readonly path: string;
  readonly message: string;
}

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

/** Formats issues one per line, `plan.yaml:12 /kpis/0/id: unknown KPI …`. */
export function formatPlanIssues(source: string, issues: readonly PlanIssue[]): string {
  return issues
    .map((i) => `${source}${i.line === null ? '' : `:${i.line}`} ${i.path || '/'}: ${i.message}`)
    .join('\n');
}

/** Cross-field rules the schema cannot say. */
function semanticIssues(plan: Plan): Array<Omit<PlanIssue, 'line'>> {
  const issues: Array<Omit<PlanIssue, 'line'>> = [];
  const districts = new Set(plan.city.districts.map((d) => d.id));
  if (!isTimeZone(plan.city.timezone))
    issues.push({
      path: '/city/timezone',
      message: `'${plan.city.timezone}' is not an IANA time zone (e.g. Europe/Oslo)`,
    });
  const seen = new Set<string>();
  plan.kpis.forEach((kpi, i) => {
    if (!findKpiDefinition(catalogueIdOf(kpi)))
      issues.push({
        path: kpi.definition === undefined ? `/kpis/${i}/id` : `/kpis/${i}/definition`,
        message: `unknown KPI '${catalogueIdOf(kpi)}' (see GET /api/catalogue)`,
      });
    if (seen.has(kpi.id)) issues.push({ path: `/kpis/${i}/id`, message: `KPI '${kpi.id}' is listed twice` });
    seen.add(kpi.id);
    for (const district of kpi.scope?.districts ?? [])
      if (!districts.has(district))
        issues.push({ path: `/kpis/${i}/scope/districts`, message: `unknown district '${district}'` });
    if (kpi.baseline.period.from > kpi.baseline.period.to)
      issues.push({ path: `/kpis/${i}/baseline/period`, message: 'baseline period ends before it starts' });
    kpi.targets.forEach((target, t) => {
      if (target.date <= kpi.baseline.period.to)
        issues.push({
          path: `/kpis/${i}/targets/${t}/date`,
          message: 'target date must be after the baseline period',
        });
      if (Number.isNaN(Date.parse(target.date)))
        issues.push({
          path: `/kpis/${i}/targets/${t}/date`,
          message: `'${target.date}' is not a calendar date`,
        });
    });
  });
  issues.push(...feedListIssues(plan.feeds));
  issues.push(...reportListIssues(plan.reports));
  const kpiIds = new Set(plan.kpis.map((k) => k.id));
  plan.initiatives.forEach((initiative, i) => {
    if (initiative.end < initiative.start)
      issues.push({ path: `/initiatives/${i}/end`, message: 'the initiative ends before it starts' });
    initiative.kpis.forEach((id, k) => {
      if (!kpiIds.has(id))
        issues.push({ path: `/initiatives/${i}/kpis/${k}`, message: `KPI '${id}' is not in the plan` });
    });
  });
  plan.sensors.forEach((sensor, i) => {
    if (!districts.has(sensor.district))
      issues.push({ path: `/sensors/${i}/district`, message: `unknown district '${sensor.district}'` });
  });
  return issues;
}

/** Validates a plan object (e.g. a PUT body or parsed YAML); issues carry no line numbers. */
export function validatePlan(input: unknown): PlanParseResult {
  const withDefaults = Value.Default(PlanSchema, Value.Clone(input));
  const schemaIssues = [...Value.Errors(PlanSchema, withDefaults)].map((e) => ({
    path: e.path,
    message: e.message,
  }));
  if (schemaIssues.length > 0) return { ok: false, issues: schemaIssues.map((i) => ({ ...i, line: null })) };
  const plan = withDefaults as Plan;
  const issues = semanticIssues(plan);
  return issues.length > 0
    ? { ok: false, issues: issues.map((i) => ({ ...i, line: null })) }
    : { ok: true, plan };
}

/** Parses and validates a plan from YAML text, with line numbers on every issue. */
export function parsePlanYaml(text: string): PlanParseResult {
  const result = parseYamlFile(text, PlanSchema, semanticIssues);
  return result.ok ? { ok: true, plan: result.value } : { ok: false, issues: result.issues };
}
