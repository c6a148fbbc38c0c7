import { Value } from '@sinclair/typebox/value';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { feedListIssues } from '../feeds/index.js';
import { findKpiDefinition } from '../kpi/catalogue.js';
import { isTimeZone } from '../time/local-time.js';
import { PlanSchema, type Plan } from './plan.js';

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

function lineOf(doc: Document, counter: LineCounter, path: string): number | null {
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  // Walk up until a node exists: a missing property is reported at its parent.
  for (let n = segments.length; n >= 0; n -= 1) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
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
    if (!findKpiDefinition(kpi.id))
      issues.push({ path: `/kpis/${i}/id`, message: `unknown KPI '${kpi.id}' (see GET /api/catalogue)` });
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
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        line: counter.linePos(e.pos[0]).line,
        path: '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  const result = validatePlan(doc.toJS());
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((i) => ({ ...i, line: lineOf(doc, counter, i.path) })) };
}
