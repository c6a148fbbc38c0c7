import type { FeedRunRecord } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import type { FeedRow } from '../api/data-health-api';
import { feedsCsv, lastStored } from './feeds-csv';

const T = Date.UTC(2026, 10, 25, 6, 0, 0);

function run(partial: Partial<FeedRunRecord>): FeedRunRecord {
  return {
    startedAt: T,
    finishedAt: T + 1000,
    attempt: 1,
    maxAttempts: 4,
    ok: true,
    rowsRead: 0,
    rowsRejected: 0,
    readingsStored: 0,
    error: null,
    retryAt: null,
    truncated: false,
    rowErrors: [],
    errorCounts: {},
    ...partial,
  };
}

const failing: FeedRow = {
  id: 'city-traffic',
  schedule: '0 6 * * *',
  state: 'failing',
  lastRunAt: T,
  lastSuccessAt: null,
  lastError: { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503, "busy"', at: T },
  nextRunAt: T + 86_400_000,
  history: [run({ ok: false, error: { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503' } })],
};

const neverRun: FeedRow = {
  id: 'rain',
  schedule: '1h',
  state: 'never_run',
  lastRunAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextRunAt: null,
  history: [],
};

describe('feedsCsv', () => {
  it('writes one row per feed with ISO times, the error quoted, and blanks for what never happened', () => {
    const lines = feedsCsv([failing, neverRun]).split('\r\n');
    expect(lines[0]).toBe(
      'feed,state,schedule,last_run,last_success,rows_read,readings_stored,last_error_code,last_error,next_run',
    );
    expect(lines[1]).toBe(
      'city-traffic,failing,0 6 * * *,2026-11-25T06:00:00.000Z,,0,0,FEED_ERR_HTTP_STATUS,"HTTP 503, ""busy""",2026-11-26T06:00:00.000Z',
    );
    expect(lines[2]).toBe('rain,never_run,1h,,,,,,,');
  });
});

describe('lastStored', () => {
  it('is the newest run’s stored readings, null before the first run', () => {
    const ok = { ...neverRun, history: [run({ readingsStored: 42 }), run({ readingsStored: 7 })] };
    expect(lastStored(ok)).toBe(42);
    expect(lastStored(neverRun)).toBeNull();
  });
});
