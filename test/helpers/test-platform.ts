import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_KEYS_FILE, ApiKeyStore, FileKeyPersistence, type Role } from '@ssc-monitor/api';
import { createLogger, loadConfig, startPlatform, type RunningPlatform } from '@ssc-monitor/ingest';
import mqtt, { type MqttClient } from 'mqtt';

export interface TestPlatform extends RunningPlatform {
  readonly dataDir: string;
  /** The admin key the platform generated at start. */
  readonly adminKey: string;
  /** GET a JSON path of the API, as admin. */
  get<T>(path: string): Promise<{ status: number; body: T }>;
  /** fetch() a path of the platform with the admin key (or `key`) as a Bearer token. */
  fetch(path: string, init?: RequestInit, key?: string): Promise<Response>;
  /** A new API key with `role`, in the platform's key file. */
  createKey(role: Role): Promise<string>;
  /** An MQTT client connected to the platform's broker, with the platform's service credential. */
  publisher(): Promise<MqttClient>;
  /** Stops the platform, then removes its data folder unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the whole platform in-process on free ports (embedded broker and HTTP on port 0), with
 * the demo simulators off unless asked, and a fresh data folder unless one is given.
 */
export async function startTestPlatform(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestPlatform> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'ssc-test-')));
  const parsed = loadConfig({
    PORT: '0',
    MQTT_PORT: '0',
    DEMO: 'off',
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    // Tests poll the API every 50 ms for up to a minute, all from 127.0.0.1; the limit itself is
    // tested in api/src/plugins/external/security.test.ts.
    API_RATE_LIMIT: '20000',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const platform = await startPlatform(parsed.config, createLogger(parsed.config.LOG_LEVEL, false));
  const clients: MqttClient[] = [];
  // A test data folder is fresh or was made by an earlier test platform: its key is kept there.
  if (platform.admin.kind === 'managed') throw new Error('the test data folder has no generated admin key');
  const adminKey = platform.admin.key;
  const authedFetch = (path: string, init: RequestInit = {}, key = adminKey) =>
    fetch(`${platform.httpUrl}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${key}` },
    });
  return {
    ...platform,
    dataDir: dir,
    adminKey,
    fetch: authedFetch,
    async get<T>(path: string) {
      const response = await authedFetch(path);
      return { status: response.status, body: (await response.json()) as T };
    },
    async createKey(role: Role) {
      const keys = new ApiKeyStore(new FileKeyPersistence(join(dir, API_KEYS_FILE)));
      return (await keys.create({ name: `test ${role}`, role })).key;
    },
    async publisher() {
      // The embedded broker requires credentials outside the demo: the platform's own service user.
      const client = await mqtt.connectAsync(platform.mqttUrl, {
        reconnectPeriod: 0,
        ...(platform.mqttService ?? {}),
      });
      clients.push(client);
      return client;
    },
    async close(options = {}) {
      await Promise.all(clients.map((c) => c.endAsync()));
      await platform.stop();
      if (!options.keepData) await rm(dir, { recursive: true, force: true });
    },
  };
}
