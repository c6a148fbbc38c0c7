import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedError, MAX_FEED_HISTORY, type FeedRunRecord, type StoredReading } from '@ssc-monitor/core';
import { Queue } from 'bullmq';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedStorage, type EmbeddedStorage } from '../../ingest/src/adapters/store/index.js';
import {
  FeedRunner,
  MemoryFeedStatusStore,
  RedisFeedStatusStore,
  type FeedRunnerOptions,
  type FeedStatusStore,
} from '../../ingest/src/feeds/index.js';
import {
  CKAN_ROWS,
  FREMONT,
  FREMONT_FILE,
  REDIS,
  deleteRedisKeys,
  fremontFeed,
  hasFremontFile,
  startFeedServer,
  type FeedServer,
} from '../helpers/feed-server.js';

if (!hasFremontFile)
  console.warn(`feed runner tests skipped: ${FREMONT_FILE} is absent (no ../shared/data here)`);

const logger = pino({ level: 'silent' });

describe.skipIf(!hasFremontFile)('FeedRunner against a local portal serving the real file', () => {
  let dataDir = '';
  let storage: EmbeddedStorage;
  let files: FeedServer;
  let notified: StoredReading[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ssc-feed-runner-'));
    storage = createEmbeddedStorage({ dataDir });
    await storage.start();
    files = await startFeedServer();
    notified = [];
  });

  afterEach(async () => {
    await storage.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const runner = (options: Partial<FeedRunnerOptions> = {}) =>
    new FeedRunner(
      { store: storage.store, districtOf: () => 'north', logger, onStored: (r) => notified.push(...r) },
      { allowPrivateNetworks: true, minHostIntervalMs: 0, ...options },
    );

  it.each([
    ['an IP literal', (port: string) => `http://127.0.0.1:${port}/fremont.csv`],
    ['a name resolving to loopback', (port: string) => `http://localhost:${port}/fremont.csv`],
  ])('refuses a private address given as %s unless allowed', async (_name, url) => {
    const feed = fremontFeed('local', url(new URL(files.base).port));
    const error = await runner({ allowPrivateNetworks: false })
      .run(feed)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ code: 'FEED_ERR_PRIVATE_ADDRESS', retryable: false });
    expect(files.hits.size).toBe(0);
  });

  it('gives up on an answer that never finishes, as a retryable timeout', async () => {
    const feed = fremontFeed('slow', `${files.base}/slow.csv`, { timeout: '300ms' });
    const error = await runner()
      .run(feed)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FEED_ERR_TIMEOUT', retryable: true });
  });

  it('follows a redirect to a gzip-compressed file and stores every reading with its district', async () => {
    const result = await runner().run(fremontFeed('gz', `${files.base}/redirect.csv`));
    expect(result).toMatchObject({
      rowsRead: FREMONT.rows,
      rowsRejected: FREMONT.rejectedRows,
      readingsStored: FREMONT.readings,
    });
    expect(files.log.map((entry) => entry.path)).toEqual(['/redirect.csv', '/gzip.csv']);
    expect(notified).toHaveLength(FREMONT.readings);
    expect(notified[0]).toEqual({
      sensorId: 'fremont-west',
      quantity: 'cycling_count',
      value: 4,
      ts: Date.parse('2012-10-03T07:00:00Z'),
      district: 'north',
    });
  });

  it('pages through a CKAN datastore with limit/offset, spacing the requests to the host', async () => {
    const feed = fremontFeed('ckan', `${files.base}/ckan/api/3/action/datastore_search?resource_id=fremont`, {
      format: 'ckan',
      pageSize: 1000,
    });
    const result = await runner({ minHostIntervalMs: 50 }).run(feed);
    expect(result).toMatchObject({
      rowsRead: CKAN_ROWS,
      rowsRejected: 0,
      readingsStored: 2 * CKAN_ROWS,
      truncated: false,
    });
    const pages = files.log.map((entry) => Object.fromEntries(new URL(entry.path, files.base).searchParams));
    expect(pages).toEqual(
      [0, 1000, 2000].map((offset) => ({ resource_id: 'fremont', limit: '1000', offset: String(offset) })),
    );
    const gaps = files.log.slice(1).map((entry, i) => entry.at - (files.log[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
    const again = await runner().run(feed);
    expect(again.readingsStored).toBe(0);
  });
});

function run(startedAt: number, ok: boolean): FeedRunRecord {
  return {
    startedAt,
    finishedAt: startedAt + 5,
    attempt: ok ? 2 : 1,
    maxAttempts: 3,
    ok,
    rowsRead: 10,
    rowsRejected: 1,
    readingsStored: ok ? 9 : 0,
    error: ok ? null : { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 503' },
    retryAt: ok ? null : startedAt + 1_000,
    truncated: false,
    rowErrors: [
      { row: 3, line: 4, column: 'v', code: 'FEED_ERR_NOT_A_NUMBER', message: '"x" is not a number' },
    ],
    errorCounts: { FEED_ERR_NOT_A_NUMBER: 1 },
  };
}

/** The same contract for both status stores. */
const queues: Queue[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
  await Promise.all(prefixes.map(deleteRedisKeys));
});

describe.each([
  { name: 'MemoryFeedStatusStore', build: (): FeedStatusStore => new MemoryFeedStatusStore() },
  {
    name: 'RedisFeedStatusStore',
    build: (): FeedStatusStore => {
      const prefix = `test-feed-status-${randomUUID().slice(0, 8)}`;
      const queue = new Queue('feeds', { connection: REDIS, prefix });
      queues.push(queue);
      prefixes.push(prefix);
      return new RedisFeedStatusStore(() => queue.client, `${prefix}:feeds`);
    },
  },
])('$name', ({ build }) => {
  it('knows nothing of a feed never run', async () => {
    expect(await build().read('a')).toEqual({
      summary: { lastRunAt: null, lastSuccessAt: null, lastError: null },
      history: [],
    });
  });

  it('keeps the history newest first and a summary that survives its trimming', async () => {
    const store = build();
    await store.record('a', run(1_000, true));
    for (let i = 1; i <= MAX_FEED_HISTORY + 3; i += 1) await store.record('a', run(1_000 + i * 100, false));
    await store.record('b', run(9_000, true));
    const { summary, history } = await store.read('a');
    expect(history).toHaveLength(MAX_FEED_HISTORY);
    expect(history[0]).toEqual(run(1_000 + (MAX_FEED_HISTORY + 3) * 100, false));
    expect(summary).toEqual({
      lastRunAt: 1_000 + (MAX_FEED_HISTORY + 3) * 100,
      lastSuccessAt: 1_005,
      lastError: {
        code: 'FEED_ERR_HTTP_STATUS',
        message: 'HTTP 503',
        at: 1_005 + (MAX_FEED_HISTORY + 3) * 100,
      },
    });
    expect((await store.read('b')).history).toHaveLength(1);
  });

  it('loses no update when runs are recorded at once, and times only move forward', async () => {
    const store = build();
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.record('a', run(5_000 - i * 100, true))));
    const { summary, history } = await store.read('a');
    expect(history).toHaveLength(10);
    expect(summary).toMatchObject({ lastRunAt: 5_000, lastSuccessAt: 5_005 });
  });
});
