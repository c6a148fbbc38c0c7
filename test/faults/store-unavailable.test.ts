import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';

const OUTAGE_MS = pick(20_000, 180_000);

describe('fault: InfluxDB unavailable', () => {
  it(
    `spools while InfluxDB is unreachable for ${OUTAGE_MS / 1000} s and forwards it all after`,
    async () => {
      let spooledDuringOutage = 0;
      const result = await runFault({
        fault: `InfluxDB unavailable ${OUTAGE_MS / 1000} s`,
        warmupMs: 2000,
        afterMs: 3000,
        settleMs: pick(60_000, 180_000),
        async inject({ influxProxy, dataDir }) {
          influxProxy.refuse(true);
          await hold(OUTAGE_MS);
          const segments = await readdir(join(dataDir, 'influx-spool'));
          spooledDuringOutage = segments.filter((name) => name.endsWith('.lp')).length;
          influxProxy.refuse(false);
        },
      });
      await expectClean(result, 600);
      expect(spooledDuringOutage, 'batches waiting in the spool at the end of the outage').toBeGreaterThan(0);
    },
    testTimeout(120_000, 600_000),
  );
});
