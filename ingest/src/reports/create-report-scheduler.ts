import { BullmqReportScheduler } from './bullmq-report-scheduler.js';
import { MemoryReportScheduler, type ReportSchedulerDeps } from './memory-report-scheduler.js';
import type { ReportScheduler } from './report-scheduler.js';

/** BullMQ on this Redis when `redisUrl` is set; in process otherwise. Not started. */
export function createReportScheduler(
  deps: ReportSchedulerDeps,
  choice: { readonly redisUrl?: string; readonly prefix?: string; readonly queueName?: string } = {},
): ReportScheduler {
  if (choice.redisUrl === undefined) return new MemoryReportScheduler(deps);
  const { prefix, queueName } = choice;
  return new BullmqReportScheduler(deps, {
    connection: { url: choice.redisUrl },
    ...(prefix === undefined ? {} : { prefix }),
    ...(queueName === undefined ? {} : { queueName }),
  });
}
