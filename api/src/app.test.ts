import { describe, expect, it } from 'vitest';
import { CATALOGUE, CATALOGUE_VERSION } from '@ssc-monitor/core';
import { useTestApp } from './testing/test-app.js';

const start = useTestApp();

describe('GET /api/health', () => {
  it('answers 200 with the report when ok', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(view.healthReport);
  });

  it('answers 503 with the same body when degraded', async () => {
    const { inject, view } = await start();
    view.healthReport = {
      ...view.healthReport,
      status: 'degraded',
      store: { kind: 'influx', ok: false, lastError: 'connect ECONNREFUSED' },
    };
    const res = await inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual(view.healthReport);
  });
});

describe('GET /api/plan and /api/catalogue', () => {
  it('returns the plan as parsed, defaults included', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/plan');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(view.plan);
    expect(res.json()).toMatchObject({ city: { name: 'Testville' }, tolerance: 0.1 });
  });

  it('returns every catalogue definition with the catalogue version', async () => {
    const { inject } = await start();
    const res = await inject('/api/catalogue');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: CATALOGUE_VERSION, kpis: CATALOGUE });
  });
});

describe('OpenAPI', () => {
  const ROUTES = [
    '/api/health',
    '/api/kpis',
    '/api/kpis/{id}',
    '/api/kpis/{id}/series',
    '/api/sensors',
    '/api/sensors/{id}',
    '/api/dead-letters',
    '/api/kpis/{id}/measure',
    '/api/plan',
    '/api/plan/kpis/{id}',
    '/api/plan/history',
    '/api/plan/versions/{version}',
    '/api/catalogue',
    '/api/feeds',
    '/api/export/u4ssc',
    '/api/plan/kpis/{id}/baseline/freeze',
    '/api/stream',
    '/api/session',
    '/api/keys',
    '/metrics',
    '/api/reports',
    '/api/reports/files/{file}',
    '/api/reports/{id}/render',
  ];

  interface Operation {
    summary?: string;
    parameters?: Array<{ name: string; in: string; description?: string }>;
    responses: Record<string, unknown>;
  }

  it('lists every route, each with a summary and a 200 response', async () => {
    const { inject } = await start();
    const res = await inject('/docs/json');
    expect(res.statusCode).toBe(200);
    const paths = res.json<{
      paths: Record<string, Partial<Record<'get' | 'put' | 'post' | 'delete', Operation>>>;
    }>().paths;
    expect(Object.keys(paths).sort()).toEqual([...ROUTES].sort());
    for (const route of ROUTES) {
      for (const operation of Object.values(paths[route] ?? {})) {
        expect(operation.summary, route).toMatch(/\w/);
        expect(operation.responses, route).toHaveProperty('200');
      }
    }
  });

  it('documents the series query parameters and the error responses', async () => {
    const { inject } = await start();
    const paths = (await inject('/docs/json')).json<{ paths: Record<string, { get: Operation }> }>().paths;
    const series = paths['/api/kpis/{id}/series']?.get;
    const params = series?.parameters ?? [];
    expect(params.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:id',
      'query:every',
      'query:from',
      'query:to',
    ]);
    for (const param of params) expect(param.description, param.name).toMatch(/\w/);
    expect(Object.keys(series?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
    ]);
  });

  it('serves Swagger UI at /docs', async () => {
    const { inject } = await start();
    const res = await inject('/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('Swagger UI');
  });
});
