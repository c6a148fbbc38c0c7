import { describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { runFault } from './harness/scenario.js';

describe('fault: ingest SIGTERM', () => {
  it(
    'flushes what it accepted, and the broker keeps what arrives while it is down',
    async () => {
      const restarts = pick(1, 5);
      const result = await runFault({
        fault: 'ingest SIGTERM',
        warmupMs: 2000,
        afterMs: 2000,
        settleMs: 30_000,
        async inject(context) {
          for (let i = 0; i < restarts; i += 1) {
            await context.restartPlatform('SIGTERM', 1000);
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        },
      });
      await expectClean(result, 600);
      // Each stop was the graceful one (exit 0 after the flush), not a kill after the deadline.
      expect(result.context.exits).toEqual(Array.from({ length: restarts }, () => 0));
    },
    testTimeout(90_000, 300_000),
  );
});
