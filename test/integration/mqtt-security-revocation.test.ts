import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/spawn-platform.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const run = promisify(execFile);
const POLL_MS = 1_000;

/** `npm run sensors -- <args>` as an operator runs it, against the given credentials file. */
async function sensorsCli(file: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'ingest/src/sensors/sensors-cli.ts', ...args],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', MQTT_CREDENTIALS_FILE: file },
    },
  );
  return stdout;
}

/**
 * The credentials file lives in a folder that does not exist when the broker starts, so no file
 * watch can be set: only the poll sees the sensor appear and its credential go.
 */
describe('sensors CLI and revocation by polling alone', () => {
  let platform: TestPlatform;
  let dir: string;
  let file: string;
  let client: MqttClient | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-mqtt-revoke-'));
    file = join(dir, 'later', 'mqtt-credentials.yaml');
    platform = await startTestPlatform({
      MQTT_CREDENTIALS_FILE: file,
      MQTT_CREDENTIALS_POLL_MS: String(POLL_MS),
    });
  });
  afterAll(async () => {
    await client?.endAsync(true);
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('admits a sensor added with the CLI and cuts it off within the poll interval of its revocation', async () => {
    const added = await sensorsCli(file, 'add', 'noise-7');
    const password = /password (\S+)/.exec(added)?.[1];
    expect(password).toBeDefined();
    expect(await sensorsCli(file, 'list')).toMatch(/^noise-7\t\d{4}-/m);
    client = await waitFor(
      'the new credential accepted',
      () => mqtt.connectAsync(platform.mqttUrl, { username: 'noise-7', password, reconnectPeriod: 0 }),
      { timeoutMs: POLL_MS * 5, intervalMs: 200 },
    );
    const closedAt = new Promise<number>((resolve) => client!.once('close', () => resolve(Date.now())));
    await sensorsCli(file, 'revoke', 'noise-7');
    const revokedAt = Date.now();
    // The file changed before the CLI exited, so the cut comes at most one poll (plus load) after this.
    expect((await closedAt) - revokedAt).toBeLessThan(POLL_MS + 1_500);
    await expect(
      mqtt.connectAsync(platform.mqttUrl, { username: 'noise-7', password, reconnectPeriod: 0 }),
    ).rejects.toMatchObject({ code: 4 });
    expect(await sensorsCli(file, 'list')).toBe('');
  });
});
