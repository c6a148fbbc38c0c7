import { FeedError, validateFeed, type Feed } from '@ssc-monitor/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedPuller, FeedRunResult } from './feed-runner.js';
import { MemoryFeedScheduler } from './memory-scheduler.js';

const T0 = Date.parse('2026-11-25T10:00:30Z');
const logger = pino({ level: 'silent' });
const RESULT: FeedRunResult = {
  rowsRead: 2,
  rowsRejected: 0,
  readingsMapped: 2,
  readingsStored: 2,
  truncated: false,
  errors: [],
  errorCounts: {},
};

function feed(id: string, schedule: string): Feed {
  const result = validateFeed({
    id,
    url: `https://portal.example.org/${id}.csv`,
    format: 'csv',
    schedule,
    time: { column: 't' },
    readings: [{ quantity: 'pm25', column: 'v', sensor: 's-1' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.feed;
}

/** A runner whose pulls are recorded with their (fake) start time and answered by `answer`. */
function fakeRunner(answer: (call: number) => Promise<FeedRunResult>) {
  const starts: Array<{ feedId: string; at: number }> = [];
  const runner: FeedPuller = {
    run: (f) => {
      starts.push({ feedId: f.id, at: Date.now() });
      return answer(starts.length);
    },
  };
  return { runner, starts };
}

const http503 = () => new FeedError('FEED_ERR_HTTP_STATUS', 'HTTP 503', { retryable: true });

let scheduler: MemoryFeedScheduler | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
});

describe('MemoryFeedScheduler', () => {
  it('pulls an interval feed at once, then at a fixed rate', async () => {
    const { runner, starts } = fakeRunner(() => Promise.resolve(RESULT));
    scheduler = new MemoryFeedScheduler({ feeds: [feed('a', '15m')], runner, logger });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(45 * 60_000);
    expect(starts.map((s) => (s.at - T0) / 60_000)).toEqual([0, 15, 30, 45]);
    expect((await scheduler.status())[0]).toMatchObject({ state: 'ok', nextRunAt: T0 + 60 * 60_000 });
  });

  it('waits for the next match of a cron feed (UTC)', async () => {
    const { runner, starts } = fakeRunner(() => Promise.resolve(RESULT));
    scheduler = new MemoryFeedScheduler({ feeds: [feed('c', '0,30 * * * *')], runner, logger });
    await scheduler.start();
    expect((await scheduler.status())[0]).toMatchObject({
      state: 'never_run',
      nextRunAt: Date.parse('2026-11-25T10:30:00Z'),
    });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(starts.map((s) => new Date(s.at).toISOString())).toEqual([
      '2026-11-25T10:30:00.000Z',
      '2026-11-25T11:00:00.000Z',
    ]);
  });

  it('retries a transient failure with exponential backoff and records every attempt', async () => {
    const { runner, starts } = fakeRunner((call) =>
      call <= 2 ? Promise.reject(http503()) : Promise.resolve(RESULT),
    );
    const retry = { attempts: 4, backoffMs: 1_000 };
    scheduler = new MemoryFeedScheduler({ feeds: [feed('a', '1h')], runner, logger }, { retry });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts.map((s) => s.at - T0)).toEqual([0, 1_000, 3_000]);
    const [status] = await scheduler.status();
    expect(
      status?.history.map((run) => [run.attempt, run.ok, run.retryAt === null ? null : run.retryAt - T0]),
    ).toEqual([
      [3, true, null],
      [2, false, 3_000],
      [1, false, 1_000],
    ]);
  });

  it('stops after the last attempt, and does not retry what cannot recover', async () => {
    const always503 = fakeRunner(() => Promise.reject(http503()));
    const notFound = fakeRunner(() =>
      Promise.reject(new FeedError('FEED_ERR_HTTP_STATUS', 'HTTP 404', { retryable: false })),
    );
    const retry = { attempts: 3, backoffMs: 1_000 };
    const a = new MemoryFeedScheduler(
      { feeds: [feed('a', '1h')], runner: always503.runner, logger },
      { retry },
    );
    const b = new MemoryFeedScheduler(
      { feeds: [feed('b', '1h')], runner: notFound.runner, logger },
      { retry },
    );
    await Promise.all([a.start(), b.start()]);
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all([a.stop(), b.stop()]);
    expect(always503.starts).toHaveLength(3);
    expect(notFound.starts).toHaveLength(1);
  });

  it('does not start a pull while the previous one is still going', async () => {
    const pending: Array<() => void> = [];
    const { runner, starts } = fakeRunner(
      () => new Promise((resolve) => pending.push(() => resolve(RESULT))),
    );
    scheduler = new MemoryFeedScheduler({ feeds: [feed('a', '1m')], runner, logger });
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(150_000);
    await scheduler.runNow('a');
    expect(starts).toHaveLength(1);
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(starts.map((s) => (s.at - T0) / 1000)).toEqual([0, 180]);
    pending.shift()?.();
  });

  it('stop() cancels a pending retry and waits for the pull in progress', async () => {
    const { runner, starts } = fakeRunner(() => Promise.reject(http503()));
    scheduler = new MemoryFeedScheduler(
      { feeds: [feed('a', '1h')], runner, logger },
      { retry: { attempts: 5, backoffMs: 60_000 } },
    );
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(starts).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses to run a feed that is not in the plan', async () => {
    const { runner } = fakeRunner(() => Promise.resolve(RESULT));
    scheduler = new MemoryFeedScheduler({ feeds: [], runner, logger });
    await expect(scheduler.runNow('nope')).rejects.toMatchObject({ code: 'FEED_ERR_UNKNOWN_FEED' });
  });
});
