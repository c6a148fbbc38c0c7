/** One issue of a refused plan change, as the server states it. */
export interface PlanIssue {
  /** JSON pointer into the whole plan (`/kpis/3/targets/0/date`) or into the KPI body (`/targets/0/date`). */
  readonly path: string;
  readonly message: string;
  readonly scope: 'plan' | 'kpi-body';
}

/*
 * The API states issues in its messages: API_ERR_PLAN_INVALID lists "plan /kpis/0/targets/1/date: …" one
 * a line (or "path: …" separated by "; "), and request validation (API_ERR_VALIDATION) says
 * "body 'targets.0.date' must …". Both are parsed here, so the form can put each next to its field.
 */
const PLAN_ISSUE = /(?:^|\s)(\/[^\s:]*):\s*(.+)$/;
const BODY_ISSUE = /^body '([^']*)' (.+)$/;

export function parseIssues(message: string): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const raw of message.split(/\n|;\s+/)) {
    const segment = raw.trim().replace(/\. The parameters of every route.*$/, '');
    const plan = PLAN_ISSUE.exec(segment);
    if (plan?.[1] !== undefined && plan[2] !== undefined) {
      issues.push({ path: plan[1], message: plan[2], scope: 'plan' });
      continue;
    }
    const body = BODY_ISSUE.exec(segment);
    if (body?.[1] !== undefined && body[2] !== undefined)
      issues.push({ path: `/${body[1].replaceAll('.', '/')}`, message: body[2], scope: 'kpi-body' });
  }
  return issues;
}

/** A path inside one KPI entry (`baseline/period/to`, `targets/2/value`) → the form's field name. */
function kpiField(rest: readonly string[]): string {
  const [first, second, third] = rest;
  if (first === 'baseline') {
    if (second === 'period') return third === 'from' ? 'baseline.from' : 'baseline.to';
    return 'baseline.value';
  }
  if (first === 'targets') {
    if (second === undefined || !/^\d+$/.test(second)) return 'targets';
    const part = third === 'horizon' || third === 'value' ? third : 'date';
    return `targets.${second}.${part}`;
  }
  return 'form';
}

/**
 * Which form field an issue names. `kpiIndex` is the KPI's position in the plan, since plan-wide paths
 * count KPIs; issues about other parts of the plan go to `form`, shown above the buttons.
 */
export function fieldForIssue(issue: PlanIssue, kpiIndex: number): string {
  const parts = issue.path.split('/').filter((p) => p !== '');
  if (issue.scope === 'kpi-body') return kpiField(parts);
  if (parts[0] === 'tolerance') return 'tolerance';
  if (parts[0] === 'kpis' && parts[1] === String(kpiIndex)) return kpiField(parts.slice(2));
  return 'form';
}

/** Server issues as form errors; several issues on one field are joined, none is lost. */
export function issuesToFieldErrors(message: string, kpiIndex: number): Record<string, string> {
  const errors: Record<string, string> = {};
  const issues = parseIssues(message);
  for (const issue of issues) {
    const field = fieldForIssue(issue, kpiIndex);
    const text = field === 'form' ? `${issue.path}: ${issue.message}` : capitalise(issue.message);
    errors[field] = errors[field] === undefined ? text : `${errors[field]} ${text}`;
  }
  if (issues.length === 0) errors.form = message;
  return errors;
}

const capitalise = (text: string): string => {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
};
