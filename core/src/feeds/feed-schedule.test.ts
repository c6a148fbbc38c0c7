import { describe, expect, it } from 'vitest';
import { nextCronRun, parseCron } from './cron.js';
import { nextScheduledRun, parseFeedSchedule } from './feed-schedule.js';

const iso = (text: string) => Date.parse(text);

function cron(pattern: string) {
  const parsed = parseCron(pattern);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.cron;
}

describe('nextCronRun (UTC)', () => {
  it.each([
    ['* * * * *', '2026-11-25T10:00:30Z', '2026-11-25T10:01:00Z'],
    ['0 * * * *', '2026-11-25T10:00:00Z', '2026-11-25T11:00:00Z'],
    ['*/15 * * * *', '2026-11-25T10:16:00Z', '2026-11-25T10:30:00Z'],
    ['5/20 * * * *', '2026-11-25T10:26:00Z', '2026-11-25T10:45:00Z'],
    ['0,30 6-7 * * *', '2026-11-25T07:30:00Z', '2026-11-26T06:00:00Z'],
    ['0 6 * * 1', '2026-11-25T00:00:00Z', '2026-11-30T06:00:00Z'],
    ['0 6 * * 7', '2026-11-25T00:00:00Z', '2026-11-29T06:00:00Z'],
    ['0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['0 0 31 * *', '2026-11-25T00:00:00Z', '2026-12-31T00:00:00Z'],
    // Both day fields restricted: either matches (the 1st, or any Friday).
    ['0 0 1 * 5', '2026-11-25T00:00:00Z', '2026-11-27T00:00:00Z'],
  ])('%s after %s is %s', (pattern, after, expected) => {
    expect(nextCronRun(cron(pattern), iso(after))).toBe(iso(expected));
  });

  it('never matches 31 February', () => {
    expect(nextCronRun(cron('0 0 31 2 *'), iso('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it.each([
    ['* * * *', /needs 5 fields/],
    ['60 * * * *', /minute '60' is outside 0-59/],
    ['* 24 * * *', /hour/],
    ['* * 0 * *', /day of month/],
    ['* * * 13 *', /month/],
    ['* * * * 8', /day of week/],
    ['*/0 * * * *', /outside/],
    ['5-1 * * * *', /outside/],
    ['@hourly * * * *', /not a number/],
  ])('refuses %s', (pattern, reason) => {
    const parsed = parseCron(pattern);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});

describe('parseFeedSchedule', () => {
  it('takes a duration as an interval', () => {
    const parsed = parseFeedSchedule('15m');
    expect(parsed).toEqual({ ok: true, schedule: { kind: 'every', everyMs: 900_000 } });
    expect(parsed.ok && nextScheduledRun(parsed.schedule, 1_000)).toBe(901_000);
  });

  it('takes a cron pattern', () => {
    const parsed = parseFeedSchedule('0 6 * * *');
    expect(parsed.ok && parsed.schedule.kind).toBe('cron');
    expect(parsed.ok && nextScheduledRun(parsed.schedule, iso('2026-11-25T07:00:00Z'))).toBe(
      iso('2026-11-26T06:00:00Z'),
    );
  });

  it.each([
    ['0s', /longer than 0/],
    ['hourly', /neither a duration/],
    ['0 25 * * *', /hour '25'/],
  ])('refuses %j', (text, reason) => {
    const parsed = parseFeedSchedule(text);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
