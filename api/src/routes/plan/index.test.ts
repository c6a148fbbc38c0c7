import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.js';

const start = useTestApp();

describe('plan routes', () => {
  it('serves the plan with its version', async () => {
    const { inject } = await start();
    const res = await inject('/api/plan');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-plan-version']).toBe('1');
    expect(res.json().city.name).toBe('Testville');
  });

  it('saves a changed KPI as a new version with who and why, keeping the old one', async () => {
    const { inject, view } = await start();
    const res = await inject({
      method: 'PUT',
      url: '/api/plan/kpis/env.air.pm25',
      headers: { 'x-author': 'ana', 'x-change-note': 'council raised ambition' },
      payload: {
        baseline: { value: 18, period: { from: '2024-01-01', to: '2024-12-31' } },
        targets: [{ horizon: 'short', date: '2027-12-31', value: 12 }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, author: 'ana', note: 'council raised ambition' });
    expect(view.plan.kpis.find((k) => k.id === 'env.air.pm25')?.targets).toEqual([
      { horizon: 'short', date: '2027-12-31', value: 12 },
    ]);
    const history = (await inject('/api/plan/history')).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = (await inject('/api/plan/versions/1')).json();
    expect(first.plan.kpis[0].targets).toHaveLength(2);
  });

  it('refuses an invalid plan with every issue and its path, and changes nothing', async () => {
    const { inject, view } = await start();
    const bad = { ...view.plan, tolerance: 3, kpis: [{ ...view.plan.kpis[0], id: 'env.nope' }] };
    const res = await inject({ method: 'PUT', url: '/api/plan', payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('API_ERR_PLAN_INVALID');
    expect(res.json().message).toContain('/tolerance');
    expect(view.planVersion).toBe(1);
    const semantic = await inject({
      method: 'PUT',
      url: '/api/plan',
      payload: { ...view.plan, kpis: [{ ...view.plan.kpis[0], id: 'env.nope' }] },
    });
    expect(semantic.json().message).toContain("unknown KPI 'env.nope'");
    expect((await inject('/api/plan/versions/9')).statusCode).toBe(404);
  });

  it('records the name of the key as the author when no X-Author is sent', async () => {
    const { inject, view } = await start();
    const res = await inject({ method: 'PUT', url: '/api/plan', payload: view.plan }, 'planner');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ author: 'test planner' });
  });
});
