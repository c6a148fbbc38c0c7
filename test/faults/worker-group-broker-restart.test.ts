import { describe, expect, it } from 'vitest';
import { report } from './harness/report.js';
import { pick, testTimeout } from './harness/mode.js';
import { hold } from './harness/pause.js';
import { runFault } from './harness/scenario.js';

/**
 * Longest time after a restarted broker accepts connections until a worker has subscribed again:
 * the ingest reconnects after 250 ms, 500 ms, 1 s… (MIN_RECONNECT_MS in mqtt-source.ts).
 */
const RESUBSCRIBE_MS = 4000;

describe('fault: broker restart under a worker group', () => {
  it(
    'loses nothing acknowledged outside the moments a restarted broker has no group subscription',
    async () => {
      const restarts = pick(1, 5);
      const windows: { from: number; to: number }[] = [];
      const result = await runFault({
        fault: `worker group (2 workers), broker restart (×${restarts})`,
        workers: 2,
        warmupMs: 3000,
        afterMs: 3000,
        // The readings lost in the windows never arrive: the settle wait always runs out.
        settleMs: pick(10_000, 30_000),
        async inject({ broker }) {
          for (let i = 0; i < restarts; i += 1) {
            await broker.restart('SIGTERM', 1000);
            // Accepting connections now; the publisher may be back before any worker.
            const up = Date.now();
            windows.push({ from: up - 1000, to: up + RESUBSCRIBE_MS });
            await hold(3000);
          }
        },
      });
      const { row } = result;
      // A broker limit, not a fault the guarantee covers: its own table in docs/reliability.md.
      await report(row, 'limit-table');
      const outside = row.lostAckedAt.filter((at) => !windows.some((w) => at >= w.from && at <= w.to));
      expect(row.acknowledged, 'readings acknowledged').toBeGreaterThanOrEqual(1000);
      // Mosquitto 2.0 restores the workers' persistent sessions without their shared subscription:
      // until a worker subscribes again, the broker acknowledges readings and routes them nowhere.
      // Everything else, the queued readings of the sessions included, must be stored once.
      expect(outside, `lost e.g. ${row.lostSample.join(', ')}\n${result.output.slice(-3000)}`).toEqual([]);
      expect(row.duplicates, 'duplicates').toBe(0);
      expect(row.unexplained, 'stored points no publish explains').toBe(0);
      expect(row.stored + row.rejected + row.lost).toBe(row.acknowledged);
      expect(result.context.instances()).toHaveLength(2);
    },
    testTimeout(90_000, 300_000),
  );
});
