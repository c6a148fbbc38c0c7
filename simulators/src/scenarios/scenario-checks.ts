import { acceptedUnits, isQuantityId, toCanonicalUnit, type QuantityId } from '@ssc-monitor/core';
import type { PathIssue } from '../yaml-file.js';
import { isSensorKind, KIND_DEFINITIONS } from './kinds/index.js';
import type { KindFile, QuantityFile, ScenarioFile } from './scenario-schema.js';
import type { SimSensor } from './scenario.js';
import { SIGNAL_PARAM_NAMES } from './signal.js';

/** What the scenario's plan brings, when it references one. */
export interface PlanContext {
  readonly districts: readonly string[];
  readonly sensors: readonly SimSensor[];
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function unitIssues(path: string, quantity: QuantityId, spec: QuantityFile): PathIssue[] {
  if (spec.unit === undefined || toCanonicalUnit(quantity, 1, spec.unit) !== undefined) return [];
  return [
    {
      path: `${path}/unit`,
      message: `unit '${spec.unit}' is not known for ${quantity}; use one of ${acceptedUnits(quantity).join(', ')}`,
    },
  ];
}

function builtInQuantityIssues(
  kind: keyof typeof KIND_DEFINITIONS,
  name: string,
  spec: QuantityFile,
  path: string,
) {
  const definition = KIND_DEFINITIONS[kind];
  const quantity = definition.quantities.find((q) => q === name);
  if (quantity === undefined)
    return [{ path, message: `kind ${kind} measures ${definition.quantities.join(', ')}, not '${name}'` }];
  const ignored = definition.ignores[quantity] ?? [];
  const issues: PathIssue[] = SIGNAL_PARAM_NAMES.filter(
    (p) => spec[p] !== undefined && ignored.includes(p),
  ).map((p) => ({ path: `${path}/${p}`, message: `${p} has no effect on ${quantity} of kind ${kind}` }));
  if (spec.profile !== undefined)
    issues.push({
      path: `${path}/profile`,
      message: `kind ${kind} has its own profiles; profile applies to new kinds`,
    });
  return [...issues, ...unitIssues(path, quantity, spec)];
}

function customQuantityIssues(kind: string, name: string, spec: QuantityFile, path: string): PathIssue[] {
  if (!isQuantityId(name))
    return [{ path, message: `unknown quantity '${name}' (see the vocabulary in the README)` }];
  const issues = unitIssues(path, name, spec);
  if (spec.level === undefined)
    issues.push({
      path,
      message: `${name} of the new kind ${kind} needs a level (nothing to default it to)`,
    });
  return issues;
}

function kindIssues(kind: string, file: KindFile): PathIssue[] {
  const path = `/kinds/${escape(kind)}`;
  const issues: PathIssue[] = [];
  if (file.format !== undefined && file.formats !== undefined)
    issues.push({ path: `${path}/formats`, message: 'give either format or formats, not both' });
  if (file.formats !== undefined && !Object.values(file.formats).some((w) => w !== undefined && w > 0))
    issues.push({ path: `${path}/formats`, message: 'at least one format needs a weight above 0' });
  const quantities = Object.entries(file.quantities ?? {});
  if (!isSensorKind(kind) && quantities.length === 0)
    issues.push({
      path,
      message: `the new kind ${kind} needs quantities (built-in kinds: ${Object.keys(KIND_DEFINITIONS).join(', ')})`,
    });
  for (const [name, spec] of quantities) {
    const at = `${path}/quantities/${escape(name)}`;
    issues.push(
      ...(isSensorKind(kind)
        ? builtInQuantityIssues(kind, name, spec, at)
        : customQuantityIssues(kind, name, spec, at)),
    );
  }
  return issues;
}

function sensorIssues(
  file: ScenarioFile,
  plan: PlanContext | undefined,
  knownKind: (k: string) => boolean,
): PathIssue[] {
  const issues: PathIssue[] = [];
  const districts = new Set([...(plan?.districts ?? []), ...(file.districts ?? [])]);
  const ids = new Set((plan?.sensors ?? []).map((s) => s.id));
  (file.sensors ?? []).forEach((sensor, i) => {
    if (!knownKind(sensor.kind))
      issues.push({ path: `/sensors/${i}/kind`, message: `unknown kind '${sensor.kind}'` });
    if (!districts.has(sensor.district))
      issues.push({ path: `/sensors/${i}/district`, message: `unknown district '${sensor.district}'` });
    if (ids.has(sensor.id))
      issues.push({ path: `/sensors/${i}/id`, message: `sensor '${sensor.id}' is listed twice` });
    ids.add(sensor.id);
  });
  (file.generate ?? []).forEach((rule, i) => {
    if (!knownKind(rule.kind))
      issues.push({ path: `/generate/${i}/kind`, message: `unknown kind '${rule.kind}'` });
    if (districts.size === 0)
      issues.push({
        path: `/generate/${i}`,
        message: 'no districts to place sensors in: give a plan or districts',
      });
    (rule.districts ?? []).forEach((d, j) => {
      if (!districts.has(d))
        issues.push({ path: `/generate/${i}/districts/${j}`, message: `unknown district '${d}'` });
    });
  });
  return issues;
}

/** Cross-field rules the schema cannot say; `plan` is the referenced plan, once read. */
export function scenarioIssues(file: ScenarioFile, plan?: PlanContext): PathIssue[] {
  const kinds = file.kinds ?? {};
  const knownKind = (k: string) => isSensorKind(k) || Object.hasOwn(kinds, k);
  const issues = Object.entries(kinds).flatMap(([kind, spec]) => kindIssues(kind, spec));
  if (file.plan === undefined && (file.sensors ?? []).length === 0 && (file.generate ?? []).length === 0)
    issues.push({ path: '', message: 'the scenario has no sensors: give a plan, sensors or generate' });
  return [...issues, ...sensorIssues(file, plan, knownKind)];
}
