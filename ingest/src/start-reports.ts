import { join } from 'node:path';
import { SYSTEM_CLOCK, type Plan } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { PlatformError } from './platform-errors.js';
import {
  ReportArchive,
  ReportJob,
  ReportService,
  createReportScheduler,
  renderReportPdf,
  type ReportScheduler,
} from './reports/index.js';
import type { Closer } from './start-feeds.js';

export interface ReportParts {
  readonly service: ReportService;
  readonly scheduler: ReportScheduler;
  /** Starts the schedules once the HTTP server (whose page is printed) listens; `key` signs in. */
  start(httpUrl: string, key: string): Promise<void>;
}

/** Headless Chromium reaches a server listening on every interface through loopback. */
function loopback(httpUrl: string): string {
  const url = new URL(httpUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

/**
 * Scheduled progress reports: PDFs under DATA_DIR/reports, printed from this platform's own report
 * page; on BullMQ with REDIS_URL, in process without. A worker process runs none.
 */
export function createReports(
  config: Config,
  plan: Plan,
  planVersion: () => number,
  logger: Logger,
  closers: Closer[],
): ReportParts {
  const log = logger.child({ module: 'reports' });
  const archive = new ReportArchive(join(config.DATA_DIR, 'reports'));
  const site: { url?: string; key?: string } = {};
  const job = new ReportJob({
    archive,
    planVersion,
    clock: SYSTEM_CLOCK,
    logger: log,
    render: (out) =>
      renderReportPdf({ baseUrl: site.url ?? '', out, ...(site.key ? { key: site.key } : {}) }),
  });
  const reports = config.ROLE === 'worker' ? [] : plan.reports;
  const scheduler = createReportScheduler(
    { reports, job, logger: log },
    config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {},
  );
  const service = new ReportService({ reports, archive, job, scheduler });
  return {
    service,
    scheduler,
    async start(httpUrl, key) {
      site.url = loopback(httpUrl);
      site.key = key;
      try {
        await scheduler.start();
      } catch (error) {
        throw new PlatformError(
          'PLATFORM_ERR_REDIS',
          `Cannot start the report scheduler on REDIS_URL=${config.REDIS_URL}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      closers.push(() => scheduler.stop());
    },
  };
}
