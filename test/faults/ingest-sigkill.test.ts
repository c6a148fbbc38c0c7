import { describe, expect, it } from 'vitest';
import { expectClean } from './harness/expect-clean.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';

describe('fault: ingest SIGKILL mid-stream', () => {
  it(
    'acknowledges only what is durable, so a killed ingest loses and duplicates nothing',
    async () => {
      const kills = pick(2, 5);
      const result = await runFault({
        fault: `ingest SIGKILL mid-stream (×${kills})`,
        warmupMs: 2000,
        afterMs: 2000,
        settleMs: 30_000,
        async inject(context) {
          for (let i = 0; i < kills; i += 1) {
            // No flush, no goodbye: what the spool had not fsynced was never acknowledged, and the
            // broker delivers it again to the persistent session.
            await context.restartPlatform('SIGKILL', 500);
            await hold(1500);
          }
        },
      });
      await expectClean(result, 600);
      // Killed every time (exit code null after a signal), never a graceful stop.
      expect(result.context.exits).toEqual(Array.from({ length: kills }, () => null));
    },
    testTimeout(90_000, 300_000),
  );
});
