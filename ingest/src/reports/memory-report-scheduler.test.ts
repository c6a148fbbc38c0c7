import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportError, type ReportSchedule } from '@ssc-monitor/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryReportScheduler } from './memory-report-scheduler.js';
import { ReportArchive } from './report-archive.js';
import { ReportJob } from './report-job.js';

/** Wednesday 25 Nov 2026, 15:00 UTC. */
const T0 = Date.parse('2026-11-25T15:00:00Z');
const MONTHLY: ReportSchedule = { id: 'council', title: 'Council', schedule: 'monthly', audience: 'council' };
const logger = pino({ level: 'silent' });

let dir: string;
let scheduler: MemoryReportScheduler | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-reports-'));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

/** A renderer that writes a small PDF, or fails while `failures` lasts; it records when it ran. */
function renderer(failures = 0) {
  const runs: number[] = [];
  const render = async (out: string) => {
    runs.push(Date.now());
    if (runs.length <= failures) throw new ReportError('REPORT_ERR_CHROMIUM', 'no Chromium here');
    await writeFile(out, '%PDF-1.7\n%%EOF\n');
  };
  return { runs, render };
}

function start(render: (out: string) => Promise<void>, reports = [MONTHLY]) {
  const clock = { now: () => Date.now() };
  const archive = new ReportArchive(dir);
  const job = new ReportJob({ archive, render, planVersion: () => 3, clock, logger });
  scheduler = new MemoryReportScheduler(
    { reports, job, logger, clock },
    { retry: { attempts: 3, backoffMs: 60_000 } },
  );
  return { job, archive, scheduler };
}

/**
 * Waits, in real time, until the file I/O a timer started is done and `done` holds. Only timers and
 * the date are fake, so setImmediate turns the event loop and performance.now tells real time.
 */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error('condition not reached within 10 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('MemoryReportScheduler', () => {
  it('plans a monthly report for 06:00 UTC on the 1st and keeps the PDF with its metadata', async () => {
    const { runs, render } = renderer();
    const parts = start(render);
    await parts.scheduler.start();
    expect((await parts.scheduler.nextRuns()).get('council')).toBe(Date.parse('2026-12-01T06:00:00Z'));
    await advance(Date.parse('2026-12-01T06:00:00Z') - T0 - 1000);
    expect(runs).toEqual([]);
    await advance(1000);
    await until(async () => (await parts.archive.list()).length === 1);
    expect(runs).toEqual([Date.parse('2026-12-01T06:00:00Z')]);
    const [kept] = await parts.archive.list();
    expect(kept).toMatchObject({
      reportId: 'council',
      file: 'council-2026-12-01T0600Z.pdf',
      planVersion: 3,
      bytes: 15,
      trigger: 'schedule',
      createdAt: Date.parse('2026-12-01T06:00:00Z'),
    });
    expect((await parts.scheduler.nextRuns()).get('council')).toBe(Date.parse('2027-01-01T06:00:00Z'));
  });

  it('retries a failed run after 1 and 2 minutes, records the error, and clears it on success', async () => {
    const { runs, render } = renderer(2);
    const parts = start(render, [{ ...MONTHLY, schedule: 'daily' }]);
    await parts.scheduler.start();
    const six = Date.parse('2026-11-26T06:00:00Z');
    // Pending timers: the next daily run, plus the retry wait once a failure is handled.
    const retryArmed = () => vi.getTimerCount() === 2;
    await advance(six - T0);
    await until(retryArmed);
    expect(runs).toEqual([six]);
    expect(parts.job.state('council').lastError).toMatchObject({ code: 'REPORT_ERR_CHROMIUM', at: six });
    await advance(60_000 - 1);
    expect(runs).toHaveLength(1);
    await advance(1);
    await until(() => runs.length === 2 && retryArmed());
    expect(runs).toEqual([six, six + 60_000]);
    await advance(120_000);
    await until(() => parts.job.state('council').lastError === null);
    expect(runs).toEqual([six, six + 60_000, six + 180_000]);
    expect(parts.job.state('council')).toEqual({ lastRunAt: six + 180_000, lastError: null });
    expect((await parts.archive.list()).map((r) => r.file)).toEqual(['council-2026-11-26T0603Z.pdf']);
    // No scratch file is left behind by the failed attempts.
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('renders on demand at once, and refuses an unknown report with its code', async () => {
    const { runs, render } = renderer();
    const parts = start(render);
    await parts.scheduler.start();
    const report = await parts.scheduler.runNow('progress');
    expect(report).toMatchObject({ reportId: 'progress', trigger: 'manual', createdAt: T0 });
    expect(runs).toEqual([T0]);
    await expect(parts.scheduler.runNow('nope')).rejects.toMatchObject({ code: 'REPORT_ERR_UNKNOWN_REPORT' });
  });

  it('schedules nothing after stop, and names a second report of the same minute apart', async () => {
    const { runs, render } = renderer();
    const parts = start(render);
    await parts.scheduler.start();
    const first = await parts.scheduler.runNow('council');
    const second = await parts.scheduler.runNow('council');
    expect([first.file, second.file]).toEqual([
      'council-2026-11-25T1500Z.pdf',
      'council-2026-11-25T1500Z-2.pdf',
    ]);
    await parts.scheduler.stop();
    expect((await parts.scheduler.nextRuns()).size).toBe(0);
    await advance(10 * 86_400_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(runs).toHaveLength(2);
    await expect(parts.scheduler.runNow('council')).rejects.toMatchObject({ code: 'REPORT_ERR_NOT_RUNNING' });
  });
});
