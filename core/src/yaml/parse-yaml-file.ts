import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { PlanIssue } from '../plan/parse-plan.js';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';

/** A problem in a YAML file: 1-based line when known, JSON pointer, message (as the plan's issues). */
export type FileIssue = PlanIssue;

/** A problem found after the schema passed, placed by its JSON pointer. */
export interface PathIssue {
  readonly path: string;
  readonly message: string;
}

export type YamlResult<T> = { ok: true; value: T } | { ok: false; issues: FileIssue[] };

function lineOf(doc: Document, counter: LineCounter, path: string): number | null {
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  // Walk up until a node exists: a missing property is reported at its parent.
  for (let n = segments.length; n >= 0; n -= 1) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/**
 * The document as plain data. Resolving aliases can still fail after a clean parse: an alias to an
 * anchor not yet set, or so many aliases that expanding them would exhaust memory ("billion laughs";
 * the yaml library stops at its maxAliasCount and throws).
 */
function toJson(doc: Document): { value: unknown } | { issue: FileIssue } {
  try {
    return { value: doc.toJS() as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'cannot be resolved';
    return { issue: { line: null, path: '', message: `the YAML aliases cannot be expanded: ${detail}` } };
  }
}

/**
 * Parses YAML text against a TypeBox schema (defaults applied), then runs the checks the schema
 * cannot express; every issue carries the line it points at, as the plan parser's do.
 */
export function parseYamlFile<S extends TSchema>(
  text: string,
  schema: S,
  checks: (value: Static<S>) => readonly PathIssue[] = () => [],
): YamlResult<Static<S>> {
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
  const json = toJson(doc);
  if ('issue' in json) return { ok: false, issues: [json.issue] };
  const value = Value.Default(schema, Value.Clone(json.value));
  const located = (issues: readonly PathIssue[]): FileIssue[] =>
    issues.map((i) => ({ ...i, line: lineOf(doc, counter, i.path) }));
  const schemaIssues = [...Value.Errors(schema, value)].map((e) => ({ path: e.path, message: e.message }));
  if (schemaIssues.length > 0) return { ok: false, issues: located(schemaIssues) };
  const typed = value as Static<S>;
  const semantic = checks(typed);
  return semantic.length > 0 ? { ok: false, issues: located(semantic) } : { ok: true, value: typed };
}
