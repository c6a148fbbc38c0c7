import { describe, expect, it } from 'vitest';
import type { Feed } from './feed.js';
import {
  EMPTY_FEED_RUN_SUMMARY,
  MAX_FEED_HISTORY,
  feedStatusOf,
  redactFeedUrl,
  summariseRun,
  type FeedRunRecord,
} from './feed-status.js';

const feed = {
  id: 'air',
  url: 'https://portal.example.org/resource/x.json?$$app_token=abc123&apikey=k&city=oslo',
  format: 'socrata',
  schedule: '15m',
  timeout: '30s',
  time: { column: 't', format: 'iso8601' },
  readings: [{ quantity: 'pm25', column: 'v', sensor: 's' }],
} as Feed;

function run(startedAt: number, ok: boolean): FeedRunRecord {
  return {
    startedAt,
    finishedAt: startedAt + 10,
    attempt: 1,
    maxAttempts: 3,
    ok,
    rowsRead: ok ? 5 : 0,
    rowsRejected: 0,
    readingsStored: ok ? 5 : 0,
    error: ok ? null : { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503' },
    retryAt: null,
    truncated: false,
    rowErrors: [],
    errorCounts: {},
  };
}

describe('redactFeedUrl', () => {
  it('hides token-like query values and credentials, keeping the rest', () => {
    expect(redactFeedUrl(feed.url)).toBe(
      'https://portal.example.org/resource/x.json?%24%24app_token=***&apikey=***&city=oslo',
    );
    expect(redactFeedUrl('https://user:pw@example.org/a.csv')).toBe('https://***@example.org/a.csv');
    expect(redactFeedUrl('not a url')).toBe('not a url');
  });
});

describe('feedStatusOf', () => {
  it('says never_run before the first attempt', () => {
    expect(feedStatusOf(feed, EMPTY_FEED_RUN_SUMMARY, [], 1000)).toMatchObject({
      id: 'air',
      state: 'never_run',
      lastRunAt: null,
      nextRunAt: 1000,
      history: [],
    });
  });

  it('is failing after a failure and ok after a later success, keeping the last error', () => {
    const failed = summariseRun(summariseRun(EMPTY_FEED_RUN_SUMMARY, run(100, true)), run(200, false));
    expect(feedStatusOf(feed, failed, [], null)).toMatchObject({
      state: 'failing',
      lastRunAt: 200,
      lastSuccessAt: 110,
      lastError: { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503', at: 210 },
    });
    const recovered = summariseRun(failed, run(300, true));
    expect(feedStatusOf(feed, recovered, [], null)).toMatchObject({
      state: 'ok',
      lastRunAt: 300,
      lastSuccessAt: 310,
      lastError: { at: 210 },
    });
  });

  it('keeps a bounded history and a redacted url', () => {
    const history = Array.from({ length: MAX_FEED_HISTORY + 5 }, (_, i) => run(1000 - i, true));
    const status = feedStatusOf(feed, EMPTY_FEED_RUN_SUMMARY, history, null);
    expect(status.history).toHaveLength(MAX_FEED_HISTORY);
    expect(status.url).not.toContain('abc123');
  });
});
