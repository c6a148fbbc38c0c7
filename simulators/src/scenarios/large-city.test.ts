import { readFileSync } from 'node:fs';
import { parsePlanYaml, type Plan } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { LARGE_CITY, enlargePlan } from './large-city.js';

function demoPlan(): Plan {
  const parsed = parsePlanYaml(readFileSync(new URL('../../../demo/plan.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.plan;
}

describe('enlargePlan', () => {
  it('makes a valid city of 1,000 sensors and 50 KPIs, the demo ones first and unchanged', () => {
    const demo = demoPlan();
    const large = enlargePlan(demo);
    expect(large.sensors).toHaveLength(LARGE_CITY.sensors);
    expect(large.kpis).toHaveLength(LARGE_CITY.kpis);
    expect(new Set(large.sensors.map((s) => s.id)).size).toBe(LARGE_CITY.sensors);
    expect(new Set(large.kpis.map((k) => k.id)).size).toBe(LARGE_CITY.kpis);
    expect(large.sensors.slice(0, demo.sensors.length)).toEqual(demo.sensors);
    expect(large.kpis.slice(0, demo.kpis.length)).toEqual(demo.kpis);
    // Every kind keeps its share of the demo's mix.
    const kinds = (plan: Plan) => new Set(plan.sensors.map((s) => s.kind));
    expect(kinds(large)).toEqual(kinds(demo));
  });

  it('scopes each district instance to its district, named for it', () => {
    const large = enlargePlan(demoPlan());
    const north = large.kpis.find((k) => k.id === 'env.air.pm25.north');
    expect(north).toMatchObject({
      definition: 'env.air.pm25',
      name: 'PM2.5 in North Hills',
      scope: { districts: ['north'] },
    });
    // Only districts that have the sensors a KPI needs get an instance: no noise sensor in the north.
    expect(large.kpis.some((k) => k.id === 'env.noise.laeq.north')).toBe(false);
  });

  it('is deterministic, and scatters copies near their template', () => {
    const a = enlargePlan(demoPlan());
    const b = enlargePlan(demoPlan());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const template = a.sensors.find((s) => s.id === 'aq-centre-1');
    const copy = a.sensors.find((s) => s.id === 'aq-centre-1-002');
    expect(copy?.district).toBe('centre');
    expect(Math.abs((copy?.lat ?? 0) - (template?.lat ?? 0))).toBeLessThanOrEqual(0.003);
    expect(copy?.lat).not.toBe(template?.lat);
  });

  it('says so when the plan cannot yield that many KPIs', () => {
    expect(() => enlargePlan(demoPlan(), { ...LARGE_CITY, kpis: 500 })).toThrow(
      expect.objectContaining({ code: 'SIM_ERR_BAD_OPTION' }),
    );
  });
});
