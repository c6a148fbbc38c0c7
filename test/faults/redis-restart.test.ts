import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedStatus } from '@ssc-monitor/core';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedStorage, type EmbeddedStorage } from '../../ingest/src/adapters/store/index.js';
import { BullmqFeedScheduler, FeedRunner } from '../../ingest/src/feeds/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { CsvFeedServer, csvFeed, feedRows } from './harness/csv-feed.js';
import { pick, testTimeout } from './harness/mode.js';
import { ProcessRegistry } from './harness/processes.js';
import { report } from './harness/report.js';
import { startRedis } from './harness/services.js';

const ROWS = 2000;
const DOWN_MS = pick(2000, 60_000);
const logger = pino({ level: 'silent' });
const registry = new ProcessRegistry();
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await registry.endAll();
});

function newestRuns(scheduler: BullmqFeedScheduler, feedId: string, count: number): Promise<FeedStatus> {
  return waitFor(
    `${count} finished runs of ${feedId}`,
    async () => {
      const status = (await scheduler.status()).find((s) => s.id === feedId);
      return status !== undefined && status.history.length >= count && status.history[0]?.ok
        ? status
        : undefined;
    },
    { timeoutMs: pick(30_000, 90_000), intervalMs: 100 },
  );
}

describe('fault: Redis restart', () => {
  it(
    'BullMQ feed jobs resume on the same worker after Redis comes back, and store each row once',
    async () => {
      const redis = await startRedis(registry);
      cleanups.push(() => rm(redis.dir, { recursive: true, force: true }));
      const dataDir = await mkdtemp(join(tmpdir(), 'ssc-faults-feeds-'));
      const storage: EmbeddedStorage = createEmbeddedStorage({ dataDir });
      await storage.start();
      cleanups.push(
        () => rm(dataDir, { recursive: true, force: true }),
        () => storage.close(),
      );
      const rows = feedRows(ROWS);
      const files = new CsvFeedServer(rows);
      await files.start();
      cleanups.push(() => files.stop());
      const sensor = `f${randomUUID().slice(0, 8)}-bike`;
      const feed = csvFeed('counts', files.url, sensor);
      const runner = new FeedRunner(
        { store: storage.store, districtOf: () => 'unassigned', logger },
        { allowPrivateNetworks: true, minHostIntervalMs: 0 },
      );
      const scheduler = new BullmqFeedScheduler(
        { feeds: [feed], runner, logger },
        {
          connection: { host: '127.0.0.1', port: redis.port },
          prefix: 'faults',
          retry: { attempts: 5, backoffMs: 200 },
        },
      );
      cleanups.push(() => scheduler.stop());
      await scheduler.start(); // an interval feed is pulled at once
      await newestRuns(scheduler, feed.id, 1);

      const pid = redis.current().pid;
      await redis.restart('SIGTERM', DOWN_MS);
      const healedAt = Date.now();
      await waitFor(
        'a pull to be queued on the new Redis',
        () => scheduler.runNow(feed.id).then(() => true),
        {
          timeoutMs: 30_000,
          intervalMs: 200,
        },
      );
      const status = await newestRuns(scheduler, feed.id, 2);
      const recoveryMs = Date.now() - healedAt;

      const stored = await storage.store.readings({
        quantity: 'cycling_count',
        from: rows[0]!.ts,
        to: rows.at(-1)!.ts + 1,
      });
      const mine = stored.filter((r) => r.sensorId === sensor);
      const byTs = new Map<number, number[]>();
      for (const r of mine) byTs.set(r.ts, [...(byTs.get(r.ts) ?? []), r.value]);
      const kept = rows.filter((row) => byTs.get(row.ts)?.includes(row.count)).length;
      const duplicates = mine.length - byTs.size;
      await report({
        fault: `Redis restart (${DOWN_MS / 1000} s down)`,
        acknowledged: ROWS,
        stored: kept,
        rejected: 0,
        lost: ROWS - kept,
        duplicates,
        unexplained: mine.length - kept - duplicates,
        lostSample: [],
        lostAckedAt: [],
        recoveryMs,
      });
      expect(redis.current().pid, 'a new Redis process').not.toBe(pid);
      // The run after the restart read every row and found them all stored already: idempotent.
      expect(status.history.slice(0, 2).map((run) => [run.ok, run.rowsRead, run.readingsStored])).toEqual([
        [true, ROWS, 0],
        [true, ROWS, ROWS],
      ]);
      expect([kept, duplicates, mine.length]).toEqual([ROWS, 0, ROWS]);
    },
    testTimeout(90_000, 300_000),
  );
});
