import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchivedReport, ReportListing } from '@ssc-monitor/core';
import {
  BullmqReportScheduler,
  ReportArchive,
  ReportJob,
  renderReportPdf,
} from '@ssc-monitor/ingest/reports';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys } from '../helpers/feed-server.js';
import { pdfText } from '../helpers/pdf-text.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';

/** The demo plan's first KPI, as the catalogue names it; every report lists it. */
const KPI_NAME = 'Fine particulate matter (PM2.5)';
const REDIS_URL = 'redis://127.0.0.1:6379';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.close();
});

async function download(file: string): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await platform.fetch(`/api/reports/files/${file}`);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('scheduled reports, rendered by Chromium', () => {
  it('renders the council report through the job path and serves the PDF for download', async () => {
    const render = await platform.fetch(`/api/reports/council-monthly/render`, { method: 'POST' });
    expect(render.status).toBe(200);
    const report = (await render.json()) as ArchivedReport;
    expect(report).toMatchObject({ reportId: 'council-monthly', planVersion: 1, trigger: 'manual' });
    expect(report.bytes).toBeGreaterThan(10_000);

    const listing = (await platform.get<ReportListing>('/api/reports')).body;
    expect(listing.reports.map((r) => r.file)).toEqual([report.file]);
    const monthly = listing.schedules.find((s) => s.id === 'council-monthly');
    expect(monthly).toMatchObject({ schedule: 'monthly', lastError: null, lastRunAt: report.createdAt });
    // 06:00 UTC on the 1st of next month.
    const next = new Date(monthly?.nextRunAt ?? 0);
    expect([next.getUTCDate(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 6, 0]);

    const { response, bytes } = await download(report.file);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${report.file}"`);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.byteLength).toBe(report.bytes);
    const { text, pages } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(KPI_NAME);
  }, 120_000);

  it('records a run whose Chromium cannot start, and the platform carries on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ssc-reports-'));
    const job = new ReportJob({
      archive: new ReportArchive(dir),
      render: (out) =>
        renderReportPdf({ baseUrl: platform.httpUrl, out, chromiumPath: join(dir, 'no-chromium') }),
      planVersion: () => 1,
      clock: { now: () => Date.now() },
      logger: pino({ level: 'silent' }),
    });
    const report = { id: 'r', title: 'R', schedule: 'daily', audience: 'public' as const };
    await expect(job.run(report, 'schedule')).rejects.toMatchObject({ code: 'REPORT_ERR_CHROMIUM' });
    expect(job.state('r').lastError?.code).toBe('REPORT_ERR_CHROMIUM');
    expect((await platform.get('/api/health')).status).toBe(200);
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('reports on BullMQ (real Redis)', () => {
  const prefix = `ssc-test-${randomUUID().slice(0, 8)}`;
  let dir: string;
  let scheduler: BullmqReportScheduler;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-reports-'));
    const logger = pino({ level: 'silent' });
    const job = new ReportJob({
      archive: new ReportArchive(dir),
      render: (out) => renderReportPdf({ baseUrl: platform.httpUrl, out, key: platform.adminKey }),
      planVersion: () => 7,
      clock: { now: () => Date.now() },
      logger,
    });
    const reports = [{ id: 'weekly', title: 'Weekly', schedule: 'weekly', audience: 'public' as const }];
    scheduler = new BullmqReportScheduler(
      { reports, job, logger },
      { connection: { url: REDIS_URL }, prefix, queueName: 'reports' },
    );
    await scheduler.start();
  });
  afterAll(async () => {
    await scheduler?.stop();
    await deleteRedisKeys(prefix);
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a job scheduler per report and renders a manual run through the queue', async () => {
    const next = (await scheduler.nextRuns()).get('weekly') ?? 0;
    // Mondays at 06:00 UTC.
    expect([new Date(next).getUTCDay(), new Date(next).getUTCHours()]).toEqual([1, 6]);
    const report = await scheduler.runNow('weekly');
    expect(report).toMatchObject({ reportId: 'weekly', planVersion: 7, trigger: 'manual' });
    const kept = await new ReportArchive(dir).read(report.file);
    expect(kept === undefined ? '' : new TextDecoder().decode(kept.bytes.subarray(0, 5))).toBe('%PDF-');
    expect((await pdfText(kept?.bytes ?? new Uint8Array())).text).toContain(KPI_NAME);
    await expect(scheduler.runNow('nope')).rejects.toMatchObject({ code: 'REPORT_ERR_UNKNOWN_REPORT' });
  }, 120_000);
});
