import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feed, FeedStatus } from '@ssc-monitor/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedStorage, type EmbeddedStorage } from '../../ingest/src/adapters/store/index.js';
import {
  BullmqFeedScheduler,
  FeedRunner,
  MemoryFeedScheduler,
  type FeedRetryPolicy,
  type FeedScheduler,
} from '../../ingest/src/feeds/index.js';
import {
  FREMONT,
  FREMONT_FILE,
  REDIS,
  deleteRedisKeys,
  fremontFeed,
  hasFremontFile,
  startFeedServer,
  type FeedServer,
} from '../helpers/feed-server.js';
import { waitFor } from '../helpers/wait-for.js';

if (!hasFremontFile)
  console.warn(`feed scheduler tests skipped: ${FREMONT_FILE} is absent (no ../shared/data here)`);

const RETRY: FeedRetryPolicy = { attempts: 3, backoffMs: 100 };
const logger = pino({ level: 'silent' });

/** Polls the scheduler until the feed's history has `count` entries, the newest finished. */
function historyOf(
  scheduler: FeedScheduler,
  feedId: string,
  count: number,
  done = true,
): Promise<FeedStatus> {
  return waitFor(
    `${count} runs of ${feedId}`,
    async () => {
      const status = (await scheduler.status()).find((s) => s.id === feedId);
      return status !== undefined && status.history.length >= count && (!done || status.history[0]?.ok)
        ? status
        : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 25 },
  );
}

describe.skipIf(!hasFremontFile)('open-data feeds over HTTP into the embedded store', () => {
  let dataDir = '';
  let storage: EmbeddedStorage;
  let files: FeedServer;
  let prefix = '';
  let scheduler: FeedScheduler | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ssc-feeds-'));
    storage = createEmbeddedStorage({ dataDir });
    await storage.start();
    files = await startFeedServer();
    prefix = `test-feeds-${randomUUID().slice(0, 8)}`;
  });

  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
    await deleteRedisKeys(prefix);
    await storage.close();
    await files.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const runner = (options = {}) =>
    new FeedRunner(
      { store: storage.store, districtOf: () => 'unassigned', logger },
      { allowPrivateNetworks: true, minHostIntervalMs: 0, ...options },
    );

  async function storedFigures() {
    const readings = await storage.store.readings({
      quantity: 'cycling_count',
      from: Date.UTC(2012, 0, 1),
      to: Date.UTC(2018, 0, 1),
    });
    const total = (from: string, to: string) =>
      readings
        .filter((r) => r.ts >= Date.parse(from) && r.ts < Date.parse(to))
        .reduce((sum, r) => sum + r.value, 0);
    return {
      count: readings.length,
      // Local (Pacific) calendar periods, as the published figures count them.
      total2013: total('2013-01-01T08:00:00Z', '2014-01-01T08:00:00Z'),
      week: total('2014-05-12T07:00:00Z', '2014-05-19T07:00:00Z'),
    };
  }

  const schedulers = [
    {
      name: 'BullMQ on Redis',
      build: (feeds: Feed[]) =>
        new BullmqFeedScheduler(
          { feeds, runner: runner(), logger },
          { connection: REDIS, prefix, retry: RETRY },
        ),
    },
    {
      name: 'the in-process scheduler',
      build: (feeds: Feed[]) =>
        new MemoryFeedScheduler({ feeds, runner: runner(), logger }, { retry: RETRY }),
    },
  ];

  describe.each(schedulers)('on $name', ({ build }) => {
    it('lands the rows of the CSV once even when pulled three times', async () => {
      scheduler = build([fremontFeed('fremont', `${files.base}/fremont.csv`)]);
      const startedAt = Date.now();
      await scheduler.start(); // an interval feed is pulled at once
      await historyOf(scheduler, 'fremont', 1);
      await scheduler.runNow('fremont');
      await historyOf(scheduler, 'fremont', 2);
      await scheduler.runNow('fremont');
      const status = await historyOf(scheduler, 'fremont', 3);

      expect(files.hits.get('/fremont.csv')).toBe(3);
      expect(
        status.history.map((run) => [run.ok, run.rowsRead, run.rowsRejected, run.readingsStored]),
      ).toEqual([
        [true, FREMONT.rows, FREMONT.rejectedRows, 0],
        [true, FREMONT.rows, FREMONT.rejectedRows, 0],
        [true, FREMONT.rows, FREMONT.rejectedRows, FREMONT.readings],
      ]);
      expect(status.history[2]?.errorCounts).toEqual({ FEED_ERR_EMPTY_VALUE: 8, FEED_ERR_BAD_TIMESTAMP: 4 });
      expect(status.history[2]?.rowErrors[0]).toMatchObject({
        row: 3795,
        line: 3796,
        column: 'Date',
        code: 'FEED_ERR_BAD_TIMESTAMP',
      });
      expect(status).toMatchObject({ state: 'ok', lastError: null, url: `${files.base}/fremont.csv` });
      expect(status.nextRunAt).toBeGreaterThanOrEqual(startedAt + 3_600_000 - 1_000);
      expect(status.nextRunAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
      expect(await storedFigures()).toEqual({
        count: FREMONT.readings,
        total2013: FREMONT.total2013,
        week: FREMONT.weekOf2014_05_12,
      });
    });

    it('retries with exponential backoff after two 503s, then lands the rows', async () => {
      scheduler = build([fremontFeed('flaky', `${files.base}/flaky.csv`)]);
      await scheduler.start();
      const status = await historyOf(scheduler, 'flaky', 3);
      const [third, second, first] = status.history;

      expect(status.history.map((run) => [run.attempt, run.ok, run.error?.code ?? null])).toEqual([
        [3, true, null],
        [2, false, 'FEED_ERR_HTTP_STATUS'],
        [1, false, 'FEED_ERR_HTTP_STATUS'],
      ]);
      expect(first?.error?.message).toBe('HTTP 503: maintenance, come back later');
      expect((first?.retryAt ?? 0) - (first?.finishedAt ?? 0)).toBe(RETRY.backoffMs);
      expect((second?.retryAt ?? 0) - (second?.finishedAt ?? 0)).toBe(2 * RETRY.backoffMs);
      expect((second?.startedAt ?? 0) - (first?.finishedAt ?? 0)).toBeGreaterThanOrEqual(RETRY.backoffMs - 5);
      expect((third?.startedAt ?? 0) - (second?.finishedAt ?? 0)).toBeGreaterThanOrEqual(
        2 * RETRY.backoffMs - 5,
      );
      expect(status).toMatchObject({
        state: 'ok',
        lastError: { code: 'FEED_ERR_HTTP_STATUS', at: second?.finishedAt },
        lastSuccessAt: third?.finishedAt,
      });
      expect(third?.readingsStored).toBe(FREMONT.readings);
      expect(files.hits.get('/flaky.csv')).toBe(3);
    });

    it('does not retry what cannot recover (HTTP 404) and says the feed is failing', async () => {
      scheduler = build([fremontFeed('gone', `${files.base}/missing.csv`)]);
      await scheduler.start();
      const status = await historyOf(scheduler, 'gone', 1, false);
      // A retry would come after the backoff; wait well past it before checking none came.
      await new Promise((resolve) => setTimeout(resolve, RETRY.backoffMs * 4));
      expect(files.hits.get('/missing.csv')).toBe(1);
      expect(status).toMatchObject({
        state: 'failing',
        lastSuccessAt: null,
        lastError: { code: 'FEED_ERR_HTTP_STATUS', message: 'HTTP 404: no such file' },
      });
      expect(status.history[0]).toMatchObject({ attempt: 1, ok: false, retryAt: null });
    });
  });

  it('fails to start, within its timeout, when Redis cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const feeds = [fremontFeed('fremont', `${files.base}/fremont.csv`)];
    const unreachable = new BullmqFeedScheduler(
      { feeds, runner: runner(), logger },
      { connection: { host: '127.0.0.1', port }, prefix, connectTimeoutMs: 300 },
    );
    await expect(unreachable.start()).rejects.toThrow('Redis not reachable within 300 ms');
    expect(files.hits.size).toBe(0);
  });
});
