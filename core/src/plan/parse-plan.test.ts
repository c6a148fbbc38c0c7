import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanYaml } from './parse-plan.js';

const DEMO = new URL('../../../demo/plan.yaml', import.meta.url);

describe('parsePlanYaml', () => {
  it('accepts the demo plan with at least 12 KPIs, each with two targets', () => {
    const result = parsePlanYaml(readFileSync(DEMO, 'utf8'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.kpis.length).toBeGreaterThanOrEqual(12);
    expect(result.plan.kpis.every((k) => k.targets.length >= 2)).toBe(true);
    expect(result.plan.tolerance).toBe(0.1);
  });

  it('reports schema and semantic errors with line numbers', () => {
    const text = [
      'version: 1',
      'city:',
      '  name: X',
      '  population: -5',
      '  districts: [{ id: d1, name: D }]',
      'sensors:',
      '  - { id: s1, district: nowhere }',
      'kpis:',
      '  - id: env.air.nope',
      '    baseline: { value: 1, period: { from: 2024-01-01, to: 2024-12-31 } }',
      '    targets: [{ horizon: short, date: 2023-01-01, value: 0 }]',
    ].join('\n');
    const result = parsePlanYaml(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ line: 4, path: '/city/population' })]);
    const fixed = parsePlanYaml(text.replace('-5', '5'));
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    expect(fixed.issues.map((i) => [i.line, i.path])).toEqual([
      [9, '/kpis/0/id'],
      [11, '/kpis/0/targets/0/date'],
      [7, '/sensors/0/district'],
    ]);
  });

  it('reports YAML syntax errors with a line', () => {
    const result = parsePlanYaml('version: 1\ncity: [unclosed\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.line).toBeGreaterThan(0);
  });
});

describe('initiatives', () => {
  it('must end after they start and name KPIs of the plan', () => {
    const text = readFileSync(DEMO, 'utf8').replace(
      '    end: 2027-12-31\n    kpis: [env.air.no2, env.air.pm25, eco.mobility.traffic]',
      '    end: 2024-12-31\n    kpis: [env.air.no2, env.air.nope]',
    );
    const result = parsePlanYaml(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['/initiatives/0/end', '/initiatives/0/kpis/1']);
    expect(result.issues.every((i) => i.line !== null)).toBe(true);
  });
});
