import { afterAll, describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { poisonSensor } from './harness/ledger.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';
import { StoreFaultServer } from './harness/store-fault-server.js';

const FAILING_MS = pick(6000, 60_000);
let server: StoreFaultServer | undefined;

afterAll(async () => {
  await server?.stop();
});

describe('fault: InfluxDB answering 4xx/5xx', () => {
  it(
    'retries 500/503 until taken, and dead-letters only the lines refused with 400',
    async () => {
      const result = await runFault({
        fault: 'InfluxDB answers 5xx and 400',
        warmupMs: 2000,
        afterMs: 2000,
        settleMs: pick(45_000, 300_000),
        poisonEvery: 37,
        async influxUrl(proxyUrl, run) {
          server = new StoreFaultServer(proxyUrl, poisonSensor(run));
          await server.start();
          return server.url;
        },
        async inject() {
          server!.mode = 'fail-5xx';
          await hold(FAILING_MS);
          server!.mode = 'pass';
        },
      });
      await expectClean(result, 1000);
      const answers = server!.answers;
      expect(answers.get(500), '500 answers').toBeGreaterThan(0);
      expect(answers.get(503), '503 answers').toBeGreaterThan(0);
      expect(answers.get(400), 'partial-write answers').toBeGreaterThan(0);
      // Every acknowledged reading of the refused sensor is a dead letter with its reason; no other is.
      const poisoned = result.context.load.acknowledged.filter(
        (e) => e.sensorId === poisonSensor(result.context.run),
      );
      const invalid = result.context.load.acknowledged.filter((e) => !e.valid);
      expect(result.row.rejected).toBe(poisoned.length + invalid.length);
      expect(poisoned.length).toBeGreaterThan(10);
    },
    testTimeout(120_000, 600_000),
  );
});
