import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupyPort, spawnPlatform } from '../helpers/spawn-platform.js';
import { waitFor } from '../helpers/wait-for.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ssc-startup-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('starting the platform as a process', () => {
  it('names MQTT_PORT in one line when the broker port is taken', async () => {
    const taken = await occupyPort();
    try {
      const run = spawnPlatform({ MQTT_PORT: String(taken.port), PORT: '0', DATA_DIR: dataDir, DEMO: 'off' });
      expect(await run.exited).toBe(1);
      const message = run.stderr().trim();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain(`MQTT port ${taken.port} is already in use`);
      expect(message).toContain('MQTT_PORT');
      expect(message).toContain('MQTT_URL');
      noStack(message);
    } finally {
      taken.server.close();
    }
  });

  it('lists every bad variable at once', async () => {
    const run = spawnPlatform({ PORT: 'eighty', DEMO: 'sometimes', DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('PORT="eighty"');
    expect(run.stderr()).toContain('DEMO="sometimes": expected one of auto, on, off');
    noStack(run.stderr());
  });

  it('reports plan errors with file and line', async () => {
    const plan = join(dataDir, 'bad-plan.yaml');
    await writeFile(plan, 'version: 1\ncity:\n  name: X\n  population: 0\n  districts: []\nkpis: []\n');
    const run = spawnPlatform({ PLAN_FILE: plan, PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`${plan}:4 /city/population`);
    expect(run.stderr()).toContain(`${plan}:5 /city/districts`);
    noStack(run.stderr());
  });

  it('stops cleanly on SIGTERM after flushing', async () => {
    const run = spawnPlatform({ PORT: '0', MQTT_PORT: '0', DATA_DIR: join(dataDir, 'sigterm'), DEMO: 'off' });
    await waitFor('the running message', () => run.stdout().includes('ssc-monitor is running'), {
      timeoutMs: 20_000,
    });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('"msg":"stopped"');
  });

  it('prints a generated admin key at start, keeps it in DATA_DIR, and prints the same one after a restart', async () => {
    const dir = join(dataDir, 'admin-key');
    const keyOf = (out: string) => /(ssc_[A-Za-z0-9_-]{43})/.exec(out)?.[1];
    const urlOf = (out: string) => /"dashboard":"(http:[^"]+)"/.exec(out)?.[1];
    const start = async () => {
      const run = spawnPlatform({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dir, DEMO: 'off' });
      await waitFor(
        'the admin key',
        () => keyOf(run.stdout()) !== undefined && urlOf(run.stdout()) !== undefined,
        {
          timeoutMs: 20_000,
        },
      );
      return { run, key: keyOf(run.stdout()) ?? '', url: urlOf(run.stdout()) ?? '' };
    };
    const first = await start();
    try {
      expect((await readFile(join(dir, 'admin-key'), 'utf8')).trim()).toBe(first.key);
      expect((await stat(join(dir, 'admin-key'))).mode & 0o777).toBe(0o600);
      expect((await readFile(join(dir, 'api-keys.yaml'), 'utf8')).includes(first.key)).toBe(false);
      expect((await fetch(`${first.url}/api/kpis`)).status).toBe(401);
      const authed = await fetch(`${first.url}/api/kpis`, {
        headers: { authorization: `Bearer ${first.key}` },
      });
      expect(authed.status).toBe(200);
    } finally {
      first.run.child.kill('SIGTERM');
      await first.run.exited;
    }
    const second = await start();
    second.run.child.kill('SIGTERM');
    await second.run.exited;
    expect(second.key).toBe(first.key);
  });
});
