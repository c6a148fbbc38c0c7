import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { spawnPlatform } from '../helpers/spawn-platform.js';
import { waitFor } from '../helpers/wait-for.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ssc-npm-start-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start (the platform bundled, then run)', () => {
  it('serves the dashboard and the demo plan found beside its sources, and stops cleanly', async () => {
    const [port, mqttPort] = [await freePort(), await freePort()];
    // What `npm start` runs once the dashboard is built.
    const run = spawnPlatform(
      {
        PORT: String(port),
        MQTT_PORT: String(mqttPort),
        DATA_DIR: dataDir,
        DEMO: 'on',
        DEMO_BACKFILL: '10m',
        PUBLIC_DASHBOARD: 'true',
        LOG_LEVEL: 'warn',
      },
      ['scripts/start.mjs'],
    );
    const output = () => run.stdout() + run.stderr();
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(
        'the bundled platform to answer /api/health',
        async () => {
          if (run.child.exitCode !== null) throw new Error(`exited ${run.child.exitCode}:\n${output()}`);
          return (await fetch(`${url}/api/health`)).ok;
        },
        { timeoutMs: 45_000, intervalMs: 200 },
      );
      // web/dist and demo/plan.yaml are found from the sources' folders, not the bundle's.
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const { kpis } = (await (await fetch(`${url}/api/kpis`)).json()) as { kpis: { id: string }[] };
      expect(kpis.map((k) => k.id)).toContain('env.air.pm25');
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(output()).not.toMatch(/^\s+at /m);
  }, 60_000);
});
