import type { FeedStatus } from '@ssc-monitor/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApiApp } from '../../app.js';
import { createMemoryView } from '../../testing/memory-platform-view.js';
import { bearer, createTestKeys, TEST_NOW } from '../../testing/test-app.js';

const FAILING: FeedStatus = {
  id: 'fremont-bridge',
  url: 'https://data.seattle.gov/resource/65db-xm6k.csv?%24%24app_token=***',
  format: 'csv',
  schedule: '1h',
  state: 'failing',
  lastRunAt: TEST_NOW - 60_000,
  lastSuccessAt: TEST_NOW - 3_600_000,
  lastError: { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503: maintenance', at: TEST_NOW - 59_000 },
  nextRunAt: TEST_NOW + 30_000,
  history: [
    {
      startedAt: TEST_NOW - 60_000,
      finishedAt: TEST_NOW - 59_000,
      attempt: 1,
      maxAttempts: 4,
      ok: false,
      rowsRead: 0,
      rowsRejected: 0,
      readingsStored: 0,
      error: { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503: maintenance' },
      retryAt: TEST_NOW + 30_000,
      truncated: false,
      rowErrors: [],
      errorCounts: {},
    },
    {
      startedAt: TEST_NOW - 3_601_000,
      finishedAt: TEST_NOW - 3_600_000,
      attempt: 1,
      maxAttempts: 4,
      ok: true,
      rowsRead: 37_968,
      rowsRejected: 8,
      readingsStored: 75_920,
      error: null,
      retryAt: null,
      truncated: false,
      rowErrors: [
        {
          row: 3795,
          line: 3796,
          column: 'Date',
          code: 'FEED_ERR_BAD_TIMESTAMP',
          message: "time '03/10/2013 02:00:00 AM': local time does not exist in America/Los_Angeles",
        },
      ],
      errorCounts: { FEED_ERR_EMPTY_VALUE: 8, FEED_ERR_BAD_TIMESTAMP: 4 },
    },
  ],
};

const NEVER_RUN: FeedStatus = {
  id: 'city-air',
  url: 'https://portal.example.org/api/3/action/datastore_search?resource_id=1f2e',
  format: 'ckan',
  schedule: '0,30 * * * *',
  state: 'never_run',
  lastRunAt: null,
  lastSuccessAt: null,
  lastError: null,
  nextRunAt: TEST_NOW + 120_000,
  history: [],
};

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(
  feeds: () => Promise<FeedStatus[]>,
): Promise<{ inject(url: string): Promise<LightMyRequestResponse> }> {
  const view = Object.assign(createMemoryView(TEST_NOW), { feeds });
  const { keys, keyFor } = await createTestKeys();
  const built = await buildApiApp(view, { logger: false, clock: { now: () => TEST_NOW }, auth: { keys } });
  app = built;
  return {
    inject: (url: string) => built.inject({ url, headers: bearer(keyFor.operator) }),
  };
}

describe('GET /api/feeds', () => {
  it('lists every feed with its last error, next run and history', async () => {
    const server = await start(() => Promise.resolve([FAILING, NEVER_RUN]));
    const res = await server.inject('/api/feeds');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ feeds: [FAILING, NEVER_RUN] });
  });

  it('answers 500 without internals when the status cannot be read', async () => {
    const server = await start(() => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:6379')));
    const res = await server.inject('/api/feeds');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: 'API_ERR_INTERNAL' });
    expect(res.body).not.toContain('10.0.0.7');
  });

  it('is documented in the OpenAPI description', async () => {
    const server = await start(() => Promise.resolve([]));
    const res = await server.inject('/docs/json');
    expect(res.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty('/api/feeds');
  });
});
