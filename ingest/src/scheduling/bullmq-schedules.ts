import type { FeedSchedule } from '@ssc-monitor/core';
import type { JobSchedulerJson, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import type { Logger } from 'pino';
import { withTimeout } from '../with-timeout.js';

/** One repeatable job: its scheduler id and when it runs. */
export interface ScheduledEntry<Data> {
  readonly id: string;
  readonly schedule: FeedSchedule;
  readonly name: string;
  readonly data: Data;
  readonly opts: JobsOptions;
}

/** The part of a BullMQ Queue that manages job schedulers, for any job data. */
export interface SchedulerQueue<Data> {
  getJobSchedulers(start: number, end: number): Promise<JobSchedulerJson[]>;
  removeJobScheduler(id: string): Promise<boolean>;
  upsertJobScheduler(
    id: string,
    repeat: Omit<RepeatOptions, 'key'>,
    template: { name: string; data: Data; opts: JobsOptions },
  ): Promise<unknown>;
}

/**
 * Makes the queue's job schedulers match `entries`: removes those no longer wanted, upserts the rest
 * (an interval, or a cron pattern in UTC so that BullMQ and the in-process timers agree).
 */
export async function syncJobSchedulers<Data>(
  queue: SchedulerQueue<Data>,
  entries: readonly ScheduledEntry<Data>[],
): Promise<void> {
  const wanted = new Set(entries.map((e) => e.id));
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    const id = scheduler.id ?? scheduler.key;
    if (!wanted.has(id)) await queue.removeJobScheduler(id);
  }
  for (const entry of entries) {
    const { schedule } = entry;
    const repeat =
      schedule.kind === 'every' ? { every: schedule.everyMs } : { pattern: schedule.cron.pattern, tz: 'UTC' };
    await queue.upsertJobScheduler(entry.id, repeat, {
      name: entry.name,
      data: entry.data,
      opts: entry.opts,
    });
  }
}

/** Next run of every job scheduler of the queue, epoch ms, by scheduler id. */
export async function nextJobRuns<Data>(queue: SchedulerQueue<Data>): Promise<Map<string, number>> {
  const next = new Map<string, number>();
  for (const scheduler of await queue.getJobSchedulers(0, -1))
    if (scheduler.next !== undefined) next.set(scheduler.id ?? scheduler.key, scheduler.next);
  return next;
}

/** Opens a BullMQ queue with an error listener and waits for Redis at most `ms`. */
export async function openQueue<Data>(
  queue: Queue<Data>,
  logger: Logger,
  what: string,
  ms: number,
): Promise<Queue<Data>> {
  queue.on('error', (error) => logger.error({ err: error }, `${what} queue error`));
  await withTimeout(queue.waitUntilReady(), ms, `Redis not reachable within ${ms} ms`);
  return queue;
}
