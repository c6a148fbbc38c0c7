import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig, startPlatform, type RunningPlatform } from '@ssc-monitor/ingest';
import mqtt, { type MqttClient } from 'mqtt';

export interface TestPlatform extends RunningPlatform {
  readonly dataDir: string;
  /** GET a JSON path of the API. */
  get<T>(path: string): Promise<{ status: number; body: T }>;
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
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const platform = await startPlatform(parsed.config, createLogger(parsed.config.LOG_LEVEL, false));
  const clients: MqttClient[] = [];
  return {
    ...platform,
    dataDir: dir,
    async get<T>(path: string) {
      const response = await fetch(`${platform.httpUrl}${path}`);
      return { status: response.status, body: (await response.json()) as T };
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
