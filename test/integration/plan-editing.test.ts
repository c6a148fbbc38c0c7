import type { KpiSnapshot } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

describe('editing the plan on a running platform', () => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  it('recomputes status under the new target, versions the change, and keeps it across a restart', async () => {
    platform = await startTestPlatform();
    const client = await platform.publisher();
    await client.publishAsync('sensors/aq-centre-1', JSON.stringify({ pm25: 16.5, ts: Date.now() - 1000 }), {
      qos: 1,
    });
    const before = await waitFor('the PM2.5 KPI', async () => {
      const { body } = await platform!.get<{ kpi: KpiSnapshot }>('/api/kpis/env.air.pm25');
      return body.kpi.current.value === 16.5 ? body.kpi : undefined;
    });
    expect(before.status).toBe('off_track');
    await waitFor('the reading stored', () => platform!.pipeline.counters().stored === 1);

    const entry = platform.view.plan.kpis.find((k) => k.id === 'env.air.pm25');
    const response = await platform.fetch('/api/plan/kpis/env.air.pm25', {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'x-author': 'test planner',
        'x-change-note': 'softer short-term target',
      },
      body: JSON.stringify({
        baseline: entry?.baseline,
        targets: [{ horizon: 'short', date: '2027-12-31', value: 17 }],
      }),
    });
    expect(response.status).toBe(200);
    const after = (await platform.get<{ kpi: KpiSnapshot }>('/api/kpis/env.air.pm25')).body.kpi;
    expect(after.nextTarget?.value).toBe(17);
    expect(after.current.value).toBe(16.5);
    expect(after.status).toBe('on_track');

    const dataDir = platform.dataDir;
    await platform.close({ keepData: true });
    platform = await startTestPlatform({}, dataDir);
    expect(platform.view.plan.kpis.find((k) => k.id === 'env.air.pm25')?.targets).toEqual([
      { horizon: 'short', date: '2027-12-31', value: 17 },
    ]);
    const { body } = await platform.get<{ versions: Array<{ version: number; author: string }> }>(
      '/api/plan/history',
    );
    expect(body.versions.map((v) => v.author)).toEqual(['test planner', 'plan file']);
  });
});
