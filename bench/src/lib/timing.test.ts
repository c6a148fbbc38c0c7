import { describe, expect, it } from 'vitest';
import { timeRuns } from './timing.js';

describe('timeRuns', () => {
  it('warms up once, then reports the runs it actually made', async () => {
    let calls = 0;
    const timing = await timeRuns(7, async () => {
      calls += 1;
    });
    expect(calls).toBe(8);
    expect(timing.runs).toBe(7);
    expect(timing.p50_ms).toBeGreaterThanOrEqual(0);
    expect(timing.p99_ms).toBeGreaterThanOrEqual(timing.p50_ms);
  });
});
