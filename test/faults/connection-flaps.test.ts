import { describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';

const FLAPS = pick(5, 40);
const EVERY_MS = pick(1500, 2000);

describe('fault: connection flaps', () => {
  it(
    `survives ${FLAPS} cuts of ingest's broker and InfluxDB connections, with latency between`,
    async () => {
      const result = await runFault({
        fault: 'connection flaps',
        warmupMs: 2000,
        afterMs: 2000,
        settleMs: 30_000,
        async inject({ brokerProxy, influxProxy }) {
          for (let i = 0; i < FLAPS; i += 1) {
            // Alternate a slow link with a cut one, as a flaky mobile or WAN link does.
            brokerProxy.latency(i % 2 === 0 ? 150 : 0);
            influxProxy.throttle(i % 2 === 0 ? 64 * 1024 : Infinity);
            await hold(EVERY_MS);
            brokerProxy.cut();
            if (i % 2 === 1) influxProxy.cut();
          }
          brokerProxy.latency(0);
          influxProxy.throttle(Infinity);
        },
      });
      await expectClean(result, 600);
      expect(result.context.brokerProxy.cuts).toBeGreaterThanOrEqual(FLAPS);
    },
    testTimeout(90_000, 400_000),
  );
});
