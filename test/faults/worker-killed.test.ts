import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startInfluxServer } from '../helpers/influxdb.js';
import { waitFor } from '../helpers/wait-for.js';
import { CsvFeedServer, feedRows } from './harness/csv-feed.js';
import { pick, testTimeout } from './harness/mode.js';
import { ProcessRegistry } from './harness/processes.js';
import { report } from './harness/report.js';
import { startRedis } from './harness/services.js';
import { influxPoints } from './harness/store-readers.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROWS = 3000;
const KILLS = pick(1, 3);
const registry = new ProcessRegistry();
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  await registry.endAll();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe('fault: feed worker killed mid-job', () => {
  it(
    'the stalled pull is redone by another worker and stores exactly the rows of the file',
    async () => {
      const redis = await startRedis(registry);
      const influx = await startInfluxServer();
      const dir = await mkdtemp(join(tmpdir(), 'ssc-faults-worker-'));
      cleanups.push(
        () => rm(redis.dir, { recursive: true, force: true }),
        () => influx.dispose(),
        () => rm(dir, { recursive: true, force: true }),
      );
      const rows = feedRows(ROWS);
      const files = new CsvFeedServer(rows);
      await files.start();
      cleanups.push(() => files.stop());
      const run = `f${randomUUID().slice(0, 8)}`;
      const bucket = `faults_${run}`;
      let workers = 0;
      const startWorker = async () => {
        workers += 1;
        const child = registry.start(
          'feed worker',
          process.execPath,
          ['--import', 'tsx', 'test/faults/harness/feed-worker.ts'],
          {
            cwd: REPO_ROOT,
            env: {
              PATH: process.env.PATH ?? '',
              FAULT_INFLUX_URL: influx.url,
              FAULT_INFLUX_BUCKET: bucket,
              FAULT_SPOOL_DIR: join(dir, `spool-${workers}`),
              FAULT_FEED_URL: files.url,
              FAULT_SENSOR: `${run}-bike`,
              FAULT_REDIS_PORT: String(redis.port),
              FAULT_PREFIX: run,
            },
          },
        );
        await waitFor('the worker to be ready', () => child.output().includes('ready'), {
          timeoutMs: 30_000,
          intervalMs: 100,
        });
        return child;
      };

      files.stall = true;
      for (let kill = 0; kill < KILLS; kill += 1) {
        const requests = files.requests;
        const doomed = await startWorker();
        await waitFor('the worker to be mid-pull', () => files.requests > requests, {
          timeoutMs: 60_000,
          intervalMs: 50,
        });
        expect(await registry.end(doomed, 'SIGKILL')).toBeNull();
      }
      files.stall = false;
      const killedAt = Date.now();
      const survivor = await startWorker();
      const points = await waitFor(
        'the redone pull to store every row',
        async () => {
          const found = await influxPoints(influx.url, bucket, run);
          return found.length >= ROWS ? found : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      const recoveryMs = Date.now() - killedAt;
      const expected = new Map(rows.map((r) => [r.ts, r.count]));
      const kept = points.filter((p) => expected.get(p.ts) === p.value).length;
      const duplicates = points.length - new Set(points.map((p) => p.ts)).size;
      await report({
        fault: `feed worker SIGKILL mid-job (×${KILLS})`,
        acknowledged: ROWS,
        stored: kept,
        rejected: 0,
        lost: ROWS - kept,
        duplicates,
        unexplained: points.length - kept - duplicates,
        lostSample: [],
        lostAckedAt: [],
        recoveryMs,
      });
      // Found by the stalled check, not by a new schedule: the watchdog redid the killed job.
      expect(survivor.output()).toContain('feed pull stalled');
      expect([kept, duplicates, points.length]).toEqual([ROWS, 0, ROWS]);
    },
    testTimeout(120_000, 300_000),
  );
});
