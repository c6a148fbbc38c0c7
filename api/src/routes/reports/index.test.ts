import { ReportError } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemoryPlatformView } from '../../testing/memory-platform-view.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';

let api: TestApp | undefined;
let view: MemoryPlatformView;

afterEach(async () => {
  await api?.app.close();
  api = undefined;
});

/** The real app with a key per role; `inject` signs in as admin unless told otherwise. */
async function start(): Promise<TestApp> {
  api = await buildTestApp();
  view = api.view;
  return api;
}

describe('/api/reports', () => {
  it('renders a report now, lists it, and serves it as a PDF attachment', async () => {
    const server = await start();
    const rendered = await server.inject({ method: 'POST', url: '/api/reports/progress/render' });
    expect(rendered.statusCode).toBe(200);
    const report = rendered.json<{ file: string; planVersion: number }>();
    expect(report).toMatchObject({ reportId: 'progress', planVersion: 1, trigger: 'manual' });

    const list = await server.inject('/api/reports');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      schedules: [{ id: 'progress', schedule: 'on demand', nextRunAt: null }],
      reports: [{ file: report.file }],
    });

    const pdf = await server.inject(`/api/reports/files/${report.file}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${report.file}"`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers 404 for an unknown report or file, and refuses path-like names', async () => {
    const server = await start();
    const unknown = await server.inject({ method: 'POST', url: '/api/reports/nope/render' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'API_ERR_REPORT_NOT_FOUND' });
    const missing = await server.inject('/api/reports/files/nothing.pdf');
    expect(missing.json()).toMatchObject({ statusCode: 404, error: 'API_ERR_REPORT_NOT_FOUND' });
    const traversal = await server.inject('/api/reports/files/..%2Fplans%2F1.pdf');
    expect(traversal.statusCode).toBe(400);
  });

  it('answers 503 with the report code when rendering fails, and the server carries on', async () => {
    const server = await start();
    view.reports.failWith = new ReportError('REPORT_ERR_CHROMIUM', 'cannot start Chromium at /nowhere');
    const failed = await server.inject({ method: 'POST', url: '/api/reports/progress/render' });
    expect(failed.statusCode).toBe(503);
    expect(failed.json()).toMatchObject({ error: 'API_ERR_REPORT_FAILED' });
    expect(failed.json<{ message: string }>().message).toMatch(/^REPORT_ERR_CHROMIUM: /);
    expect((await server.inject('/api/reports')).statusCode).toBe(200);
  });
});
