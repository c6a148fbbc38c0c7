import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { runDemoSimulation } from './run-demo.js';

describe('runDemoSimulation', () => {
  it('refuses out-of-range options before connecting, listing each', async () => {
    const attempt = runDemoSimulation({
      url: 'mqtt://127.0.0.1:1',
      sensors: [],
      intervalMs: 5,
      backfillMs: -1,
      seed: 1.5,
      logger: pino({ level: 'silent' }),
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'SIM_ERR_BAD_OPTION',
      message: expect.stringMatching(/intervalMs.*backfillMs.*seed/) as unknown,
    });
  });
});
