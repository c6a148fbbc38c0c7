import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformMetric } from './harness/embedded-reader.js';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';
import { fillDisk, mountTinyDisk } from './harness/tiny-disk.js';

/** Room for the database file and what the platform writes at start; the filler takes the rest. */
const STORE_DISK_BYTES = 64 * 1024 * 1024;
/** The ingest spool lives on a disk of its own, which stays writable. */
const SPOOL_DISK_BYTES = 256 * 1024 * 1024;
const OUTAGE_MS = pick(15_000, 180_000);
const canMount = process.getuid?.() === 0;
if (!canMount)
  process.stdout.write('embedded store unavailable fault skipped: mounting a tmpfs needs root\n');

describe.skipIf(!canMount)('fault: embedded store (DuckDB) unavailable', () => {
  it(
    'keeps readings in the spool while DuckDB cannot write, then stores them all once it can',
    async () => {
      let spooledAtEnd = 0;
      let freeAtEnd = Infinity;
      const result = await runFault({
        fault: `embedded store (DuckDB) disk full ${OUTAGE_MS / 1000} s`,
        store: 'embedded',
        warmupMs: 3000,
        afterMs: 3000,
        settleMs: pick(30_000, 120_000),
        async prepare(dataDir) {
          const store = await mountTinyDisk(dataDir, STORE_DISK_BYTES);
          if (!store.ok) throw new Error(store.reason);
          const spool = await mountTinyDisk(join(dataDir, 'spool'), SPOOL_DISK_BYTES);
          if (!spool.ok) {
            await store.unmount();
            throw new Error(spool.reason);
          }
          return async () => {
            await spool.unmount();
            await store.unmount();
          };
        },
        async inject({ dataDir, platform }) {
          const full = await fillDisk(dataDir);
          await hold(OUTAGE_MS);
          const stats = await statfs(dataDir);
          freeAtEnd = stats.bavail * stats.bsize;
          spooledAtEnd = await platformMetric(platform().httpUrl, dataDir, 'ssc_ingest_spool_segments');
          await full.free();
        },
      });
      await expectClean(result, 1000);
      // DuckDB really could not write: its disk was full and the readings waited in the spool.
      expect(freeAtEnd, 'bytes free on the store disk at the end of the outage').toBeLessThan(64 * 1024);
      expect(spooledAtEnd, 'spool segments waiting at the end of the outage').toBeGreaterThan(10);
    },
    testTimeout(120_000, 500_000),
  );
});
