import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApiApp } from '../../app.js';
import { createMemoryView } from '../../testing/memory-platform-view.js';

describe('GET /metrics', () => {
  let app: FastifyInstance | undefined;

  afterEach(async () => {
    await app?.close();
  });

  it('serves the platform metrics at the root in the Prometheus text format', async () => {
    const view = createMemoryView();
    view.metricsText =
      '# TYPE ssc_ingest_readings_stored_total counter\nssc_ingest_readings_stored_total 42\n';
    app = await buildApiApp(view, { logger: false });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.body).toBe(view.metricsText);
    expect((await app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(404);
  });
});
