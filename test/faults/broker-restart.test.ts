import { describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';

describe('fault: broker graceful restart', () => {
  it(
    'loses nothing the broker acknowledged: persistent sessions and a persisted queue',
    async () => {
      const restarts = pick(1, 5);
      const pids: number[] = [];
      const result = await runFault({
        fault: 'broker graceful restart',
        warmupMs: 2000,
        afterMs: 2000,
        settleMs: 30_000,
        async inject({ broker }) {
          for (let i = 0; i < restarts; i += 1) {
            pids.push(broker.current().pid);
            await broker.restart('SIGTERM', 1000);
            await hold(2000);
          }
          pids.push(broker.current().pid);
        },
      });
      await expectClean(result, 600);
      expect(new Set(pids).size, 'a new broker process per restart').toBe(restarts + 1);
    },
    testTimeout(90_000, 300_000),
  );
});
