import type { KpiDefinition, KpiSnapshot, Trend } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('baseline freezing, trend and U4SSC export on a running platform', () => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  const send = (method: string, path: string, body?: unknown) =>
    platform!.fetch(path, {
      method,
      headers: {
        'x-author': 'ana.planner',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('freezes a baseline measured from data with its lineage, and protects it from silent edits', async () => {
    platform = await startTestPlatform();
    const client = await platform.publisher();
    // 24 hourly readings on one day of the demo plan's 2024 baseline period.
    for (let h = 0; h < 24; h += 1)
      await client.publishAsync(
        'sensors/aq-centre-1',
        JSON.stringify({ pm25: 10 + (h % 4), ts: Date.UTC(2024, 5, 1, h) }),
        { qos: 1 },
      );
    await waitFor('readings stored', () => platform!.pipeline.counters().stored === 24);

    const refused = await send('POST', '/api/plan/kpis/env.air.pm25/baseline/freeze');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /% of the baseline period has data/,
    );

    const frozen = await send('POST', '/api/plan/kpis/env.air.pm25/baseline/freeze?force=true');
    expect(frozen.status).toBe(200);
    const baseline = platform.view.plan.kpis.find((k) => k.id === 'env.air.pm25')?.baseline;
    expect(baseline?.value).toBe(11.5);
    expect(baseline?.dataQuality).toBe('accurate_measurement');
    expect(baseline?.frozen).toMatchObject({
      by: 'ana.planner',
      readings: 24,
      sensors: ['aq-centre-1'],
      from: '2024-01-01',
      to: '2024-12-31',
    });

    const edit = await send('PUT', '/api/plan/kpis/env.air.pm25', {
      baseline: { ...baseline, value: 99 },
      targets: [{ horizon: 'short', date: '2027-12-31', value: 9 }],
    });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as { error: string }).error).toBe('API_ERR_BASELINE_FROZEN');
    expect((await send('DELETE', '/api/plan/kpis/env.air.pm25/baseline/freeze')).status).toBe(200);
    expect(platform.view.plan.kpis.find((k) => k.id === 'env.air.pm25')?.baseline.frozen).toBeUndefined();
  });

  it('projects the recent trend to the next target and exports the KPI table as CSV', async () => {
    platform = await startTestPlatform();
    const client = await platform.publisher();
    const now = Date.now();
    // PM2.5 falling by 0.1 µg/m³ a day over the last 40 days.
    for (let d = 40; d >= 0; d -= 1)
      await client.publishAsync(
        'sensors/aq-centre-1',
        JSON.stringify({ pm25: 14 - 0.1 * (40 - d), ts: now - d * DAY - HOUR }),
        { qos: 1 },
      );
    await waitFor('readings stored', () => platform!.pipeline.counters().stored === 41);
    const detail = await platform.get<{ kpi: KpiSnapshot; definition: KpiDefinition; trend: Trend | null }>(
      '/api/kpis/env.air.pm25',
    );
    expect(detail.body.trend?.slopePerYear).toBeLessThan(-30);
    expect(detail.body.trend?.meetsTarget).toBe(true);
    expect(detail.body.trend?.verdict).toMatch(/^At the current trend, the 2027 target of 15 µg\/m³ is met/);

    const csv = await platform.fetch('/api/export/u4ssc');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'code,reference,name,dimension,sub_dimension,value,unit,year,data_quality,source,baseline,baseline_year,next_target,target_year,status',
    );
    expect(lines).toHaveLength(1 + platform.view.plan.kpis.length);
    expect(lines.find((l) => l.startsWith('env.air.pm25,'))).toMatch(/,µg\/m³,\d{4},accurate_measurement,/);
  });
});
