import { describe, expect, it } from 'vitest';
import { validatePlan } from '../plan/parse-plan.js';
import { KpiEngine } from './kpi-engine.js';

const NOW = Date.UTC(2026, 5, 30);
const baseline = { value: 20, period: { from: '2024-01-01', to: '2024-12-31' } };
const targets = [{ horizon: 'short', date: '2026-12-31', value: 10 }];

function plan(kpis: unknown[]) {
  return validatePlan({
    version: 1,
    city: {
      name: 'Test',
      population: 1000,
      districts: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    },
    sensors: [
      { id: 's-a', district: 'a' },
      { id: 's-b', district: 'b' },
    ],
    kpis,
  });
}

describe('scoped KPI instances', () => {
  it('tracks one catalogue KPI per district under distinct ids and names', () => {
    const result = plan([
      { id: 'env.air.pm25', baseline, targets },
      {
        id: 'env.air.pm25.b',
        definition: 'env.air.pm25',
        name: 'PM2.5 in B',
        scope: { districts: ['b'] },
        baseline,
        targets,
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const engine = new KpiEngine(result.plan, { now: () => NOW });
    const changed = engine.ingest([
      { sensorId: 's-a', quantity: 'pm25', value: 10, ts: NOW - 60_000 },
      { sensorId: 's-b', quantity: 'pm25', value: 14, ts: NOW - 60_000 },
    ]);
    expect([...changed].sort()).toEqual(['env.air.pm25', 'env.air.pm25.b']);
    expect(engine.snapshot('env.air.pm25')?.current.value).toBe(12);
    const inB = engine.snapshot('env.air.pm25.b');
    expect(inB?.current.value).toBe(14);
    expect(inB?.name).toBe('PM2.5 in B');
    expect(engine.definition('env.air.pm25.b')?.id).toBe('env.air.pm25');
  });

  it('refuses an instance of an unknown catalogue KPI at its definition', () => {
    const result = plan([{ id: 'x.north', definition: 'env.air.nope', baseline, targets }]);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['/kpis/0/definition']);
  });
});
