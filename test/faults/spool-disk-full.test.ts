import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';
import { mountTinyDisk } from './harness/tiny-disk.js';

const DISK_BYTES = 256 * 1024;
const OUTAGE_MS = pick(15_000, 90_000);
const canMount = process.getuid?.() === 0;
if (!canMount) process.stdout.write('spool disk full fault skipped: mounting a tmpfs needs root\n');

describe.skipIf(!canMount)('fault: spool disk full', () => {
  it(
    'holds readings while the spool disk is full and InfluxDB is away, then stores them all',
    async () => {
      let freeAtEnd = Infinity;
      const result = await runFault({
        fault: `spool disk full (${DISK_BYTES / 1024} kB, InfluxDB away ${OUTAGE_MS / 1000} s)`,
        rate: 300,
        // A write is spooled whole, so a batch must fit on the disk: 500 readings are about 45 kB.
        env: { INGEST_BATCH_SIZE: '500' },
        warmupMs: 2000,
        afterMs: 3000,
        settleMs: pick(90_000, 180_000),
        async prepare(dataDir) {
          const disk = await mountTinyDisk(join(dataDir, 'influx-spool'), DISK_BYTES);
          if (!disk.ok) throw new Error(disk.reason);
          return disk.unmount;
        },
        async inject({ influxProxy, dataDir }) {
          influxProxy.refuse(true);
          await hold(OUTAGE_MS);
          const stats = await statfs(join(dataDir, 'influx-spool'));
          freeAtEnd = stats.bavail * stats.bsize;
          influxProxy.refuse(false);
        },
      });
      await expectClean(result, 1000);
      // The spool really ran out of room during the outage.
      expect(freeAtEnd, 'bytes free on the spool disk at the end of the outage').toBeLessThan(32 * 1024);
    },
    testTimeout(180_000, 400_000),
  );
});
