import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';

describe('GET /metrics', () => {
  let api: TestApp | undefined;

  afterEach(async () => {
    await api?.app.close();
  });

  it('serves the platform metrics at the root in the Prometheus text format', async () => {
    api = await buildTestApp();
    api.view.metricsText =
      '# TYPE ssc_ingest_readings_stored_total counter\nssc_ingest_readings_stored_total 42\n';
    const response = await api.inject({ method: 'GET', url: '/metrics' }, 'operator');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.body).toBe(api.view.metricsText);
    expect((await api.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(404);
  });

  it('needs an operator key: scrapers authenticate like any machine', async () => {
    api = await buildTestApp();
    expect((await api.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await api.inject({ method: 'GET', url: '/metrics' }, 'viewer')).statusCode).toBe(403);
  });
});
