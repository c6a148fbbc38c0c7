import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeadLetter, SensorState } from '@ssc-monitor/core';
import { addSensor, revokeSensor } from '@ssc-monitor/ingest';
import mqtt, { ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const POLL_MS = 500;
const NO_RETRY: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5_000 };

/** The CONNACK return code a refused connection reports (4 bad credentials, 5 not authorised). */
async function refusalCode(url: string, options: IClientOptions): Promise<number | undefined> {
  try {
    const client = await mqtt.connectAsync(url, { ...NO_RETRY, ...options });
    await client.endAsync();
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

function closed(client: MqttClient): Promise<number> {
  const since = Date.now();
  return new Promise((resolve) => client.once('close', () => resolve(Date.now() - since)));
}

describe('embedded broker with sensor credentials (demo off)', () => {
  let platform: TestPlatform;
  let dir: string;
  const passwords: Record<string, string> = {};
  const clients: MqttClient[] = [];
  const connect = async (sensorId: string) => {
    const client = await mqtt.connectAsync(platform.mqttUrl, {
      ...NO_RETRY,
      username: sensorId,
      password: passwords[sensorId] ?? '',
    });
    clients.push(client);
    return client;
  };
  const deadLetters = async () =>
    (await platform.get<{ deadLetters: DeadLetter[] }>('/api/dead-letters')).body.deadLetters;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-mqttsec-'));
    for (const id of ['aq-1', 'aq-2', 'aq-3'])
      passwords[id] = await addSensor(join(dir, 'mqtt-credentials.yaml'), id, []);
    platform = await startTestPlatform({ MQTT_CREDENTIALS_POLL_MS: String(POLL_MS) }, dir);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a wrong password, an unknown sensor and anonymous clients', async () => {
    expect(await refusalCode(platform.mqttUrl, { username: 'aq-1', password: 'wrong' })).toBe(4);
    expect(await refusalCode(platform.mqttUrl, { username: 'nobody', password: 'x' })).toBe(4);
    expect(await refusalCode(platform.mqttUrl, {})).toBe(5);
    expect(await refusalCode(platform.mqttUrl, { username: 'aq-1', password: passwords['aq-1'] })).toBe(
      undefined,
    );
  });

  it('takes a reading a sensor publishes on its own topic', async () => {
    const client = await connect('aq-1');
    await client.publishAsync('sensors/aq-1', '{"pm25": 11.5}', { qos: 1 });
    const sensor = await waitFor('aq-1 in the API', async () => {
      const { status, body } = await platform.get<SensorState>('/api/sensors/aq-1');
      return status === 200 && body.latest.pm25 !== undefined ? body : undefined;
    });
    expect(sensor.latest.pm25?.value).toBe(11.5);
  });

  it("refuses a publish on another sensor's topic, cuts the connection and dead-letters it", async () => {
    const client = await connect('aq-1');
    const gone = closed(client);
    client.publish('sensors/aq-2', '{"pm25": 999}', { qos: 1 });
    await gone;
    const letter = await waitFor('the refused publish dead-lettered', async () =>
      (await deadLetters()).find((l) => l.code === 'INGEST_ERR_CREDENTIAL_MISMATCH'),
    );
    expect(letter).toMatchObject({
      sensorId: 'aq-1',
      topic: 'sensors/aq-2',
      payloadExcerpt: '{"pm25": 999}',
    });
    const { body } = await platform.get<SensorState>('/api/sensors/aq-1');
    expect(body.errors).toBeGreaterThanOrEqual(1);
    const victim = await platform.get<SensorState>('/api/sensors/aq-2');
    expect(victim.status === 404 || victim.body.latest.pm25 === undefined).toBe(true);
  });

  it('rejects in ingest a payload naming another sensor than its topic (and credential)', async () => {
    const client = await connect('aq-1');
    await client.publishAsync('sensors/aq-1', '{"sensorId": "aq-3", "pm25": 5}', { qos: 1 });
    const letter = await waitFor('the mismatch dead-lettered', async () =>
      (await deadLetters()).find((l) => l.code === 'INGEST_ERR_SENSOR_MISMATCH'),
    );
    expect(letter.sensorId).toBe('aq-1');
  });

  it("lets a sensor subscribe to its own topic only, never to other sensors' data", async () => {
    const client = await connect('aq-3');
    const refused = await client.subscribeAsync(['sensors/aq-1', 'sensors/#', '#'], { qos: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ErrorWithSubackPacket);
    expect((refused as ErrorWithSubackPacket).packet.granted).toEqual([128, 128, 128]);
    const own = await client.subscribeAsync('sensors/aq-3', { qos: 1 });
    expect(own.map((g) => g.qos)).toEqual([1]);
    expect(client.connected).toBe(true);
  });

  it('cuts a revoked sensor off within the poll interval and refuses it afterwards', async () => {
    const client = await connect('aq-2');
    const gone = closed(client);
    await revokeSensor(join(dir, 'mqtt-credentials.yaml'), 'aq-2');
    const elapsed = await gone;
    expect(elapsed).toBeLessThan(POLL_MS + 2_000);
    expect(await refusalCode(platform.mqttUrl, { username: 'aq-2', password: passwords['aq-2'] })).toBe(4);
  });
});

describe('embedded broker in the demo', () => {
  const started: TestPlatform[] = [];
  afterAll(async () => {
    for (const p of started) await p.close();
  });

  it('accepts anonymous clients when the demo runs without credentials', async () => {
    const platform = await startTestPlatform({ DEMO: 'on', DEMO_BACKFILL: '30m' });
    started.push(platform);
    expect(await refusalCode(platform.mqttUrl, {})).toBe(undefined);
  });

  it('requires credentials once a sensor has one, while the demo simulators still publish', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ssc-mqttsec-demo-'));
    await addSensor(join(dir, 'mqtt-credentials.yaml'), 'probe-9', []);
    const platform = await startTestPlatform({ DEMO: 'on', DEMO_BACKFILL: '30m' }, dir);
    started.push(platform);
    expect(await refusalCode(platform.mqttUrl, {})).toBe(5);
    await waitFor('demo readings stored', () => platform.pipeline.counters().stored > 0, {
      timeoutMs: 30_000,
    });
    expect(platform.pipeline.counters().rejected).toBe(0);
  });
});
