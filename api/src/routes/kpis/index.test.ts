import { findKpiDefinition } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { TEST_NOW, useTestApp } from '../../testing/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const start = useTestApp();

describe('GET /api/kpis', () => {
  it('returns every snapshot of the view, all fields kept', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/kpis');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kpis: view.kpiList });
    expect(view.kpiList.map((kpi) => kpi.id)).toEqual(['env.air.pm25', 'env.noise.laeq']);
  });
});

describe('GET /api/kpis/:id', () => {
  it('returns the snapshot and the catalogue definition', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/kpis/env.air.pm25');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kpi: view.kpiList[0],
      definition: findKpiDefinition('env.air.pm25'),
      trend: null,
    });
  });

  it('answers 404 for an id that is no KPI, pointing at the catalogue', async () => {
    const { inject } = await start();
    const res = await inject('/api/kpis/env.air.nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'API_ERR_KPI_NOT_FOUND',
      message: expect.stringContaining('GET /api/catalogue'),
    });
  });

  it('answers 404 for a catalogue KPI the plan does not monitor, saying so', async () => {
    const { inject } = await start();
    const res = await inject('/api/kpis/env.air.pm10');
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toContain('not in the master plan');
  });
});

describe('GET /api/kpis/:id/series', () => {
  it('defaults to the last 7 days hourly and passes the query to the view', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/kpis/env.air.pm25/series');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ kpiId: string; from: number; to: number; every: number; points: unknown[] }>();
    const query = { from: TEST_NOW - 7 * DAY, to: TEST_NOW, every: HOUR };
    expect(view.seriesCalls).toEqual([{ id: 'env.air.pm25', query }]);
    expect(body).toEqual({
      kpiId: 'env.air.pm25',
      ...query,
      points: await view.seriesImpl('env.air.pm25', query),
    });
    expect(body.points).toHaveLength(7 * 24);
  });

  it('reads ISO and epoch bounds and a duration', async () => {
    const { inject, view } = await start();
    const from = TEST_NOW - DAY;
    const res = await inject(
      `/api/kpis/env.air.pm25/series?from=2025-12-31T00:00:00Z&to=${TEST_NOW}&every=6h`,
    );
    expect(res.statusCode).toBe(200);
    expect(view.seriesCalls[0]?.query).toEqual({ from, to: TEST_NOW, every: 6 * HOUR });
    expect(res.json()).toMatchObject({ from, to: TEST_NOW, every: 6 * HOUR });
  });

  it('keeps null values of empty windows', async () => {
    const { inject, view } = await start();
    view.seriesImpl = async (_id, query) => [
      { t: query.to - query.every, value: null },
      { t: query.to, value: 12.5 },
    ];
    const res = await inject('/api/kpis/env.air.pm25/series');
    expect(res.json<{ points: unknown[] }>().points).toEqual([
      { t: TEST_NOW - HOUR, value: null },
      { t: TEST_NOW, value: 12.5 },
    ]);
  });

  it.each([
    [
      'from after to',
      'from=2026-02-01&to=2026-01-01',
      'API_ERR_EMPTY_RANGE',
      /'from' .* must be before 'to'/,
    ],
    ['every under a minute', 'every=30s', 'API_ERR_BAD_INTERVAL', /at least 1m/],
    ['an unreadable every', 'every=soon', 'API_ERR_BAD_INTERVAL', /'every'.*not a duration/],
    ['an unreadable from', 'from=last-week', 'API_ERR_BAD_TIME', /'from'.*ISO 8601/],
    ['too many points', 'from=2025-01-01&every=1m', 'API_ERR_TOO_MANY_POINTS', /ask for a larger `every`/],
  ])('answers 400 to %s without asking the view', async (_name, query, code, message) => {
    const { inject, view } = await start();
    const res = await inject(`/api/kpis/env.air.pm25/series?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ statusCode: 400, error: code, message: expect.stringMatching(message) });
    expect(view.seriesCalls).toEqual([]);
  });

  it('answers 404 for an unknown KPI', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/kpis/nope/series');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'API_ERR_KPI_NOT_FOUND' });
    expect(view.seriesCalls).toEqual([]);
  });
});

describe('GET /api/kpis/:id/measure', () => {
  it('measures over the baseline period by default, with coverage and lineage', async () => {
    const { inject } = await start();
    const res = await inject('/api/kpis/env.air.pm25/measure');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kpiId: 'env.air.pm25',
      from: '2024-01-01',
      to: '2024-12-31',
      coverage: 0.97,
      sufficient: true,
      formula: { kind: 'mean' },
    });
  });

  it('takes a period and refuses a reversed or malformed one', async () => {
    const { inject } = await start();
    expect(
      (await inject('/api/kpis/env.air.pm25/measure?from=2025-01-01&to=2025-06-30')).json(),
    ).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
    const reversed = await inject('/api/kpis/env.air.pm25/measure?from=2025-06-30&to=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toBe('API_ERR_EMPTY_RANGE');
    expect((await inject('/api/kpis/env.air.pm25/measure?from=June')).statusCode).toBe(400);
    expect((await inject('/api/kpis/nope/measure')).statusCode).toBe(404);
  });
});
