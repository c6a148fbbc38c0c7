import { parseDurationMs } from '../time/duration.js';
import { nextCronRun, parseCron, type CronSchedule } from './cron.js';

/** A feed's schedule: a fixed interval, or a cron pattern evaluated in UTC. */
export type FeedSchedule =
  | { readonly kind: 'every'; readonly everyMs: number }
  | { readonly kind: 'cron'; readonly cron: CronSchedule };

export type FeedScheduleResult = { ok: true; schedule: FeedSchedule } | { ok: false; reason: string };

/** `1h`, `15m`, `90s` … (see parseDurationMs) or a 5-field cron pattern such as `0 6 * * *`. */
export function parseFeedSchedule(text: string): FeedScheduleResult {
  const everyMs = parseDurationMs(text);
  if (everyMs !== undefined) {
    return everyMs > 0
      ? { ok: true, schedule: { kind: 'every', everyMs } }
      : { ok: false, reason: 'schedule must be longer than 0' };
  }
  if (!/\s/.test(text.trim()))
    return { ok: false, reason: `schedule '${text}' is neither a duration (1h, 15m) nor a cron pattern` };
  const cron = parseCron(text);
  return cron.ok ? { ok: true, schedule: { kind: 'cron', cron: cron.cron } } : cron;
}

/**
 * When a schedule fires next after `after` (epoch ms). An interval fires `everyMs` after the
 * previous run; a cron pattern at its next match. Undefined when a pattern never matches again.
 */
export function nextScheduledRun(schedule: FeedSchedule, after: number): number | undefined {
  return schedule.kind === 'every' ? after + schedule.everyMs : nextCronRun(schedule.cron, after);
}
