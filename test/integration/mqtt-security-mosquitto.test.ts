import { join } from 'node:path';
import type { SensorState } from '@ssc-monitor/core';
import mqtt, { ErrorWithSubackPacket, type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mosquittoMissing, startMosquitto, type MosquittoServer } from '../helpers/mosquitto.js';
import { REPO_ROOT } from '../helpers/spawn-platform.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const missing = mosquittoMissing();
if (missing) console.warn(`skipping the Mosquitto security tests: ${missing}`);

const USERS = { 'ssc-ingest': 'platform-secret', 'aq-1': 'secret-1', 'aq-2': 'secret-2', 'aq-3': 'secret-3' };
const NO_RETRY: IClientOptions = { reconnectPeriod: 0, connectTimeout: 5_000 };

/** The shipped broker config: explicit listener, no anonymous clients, password file and ACL file. */
describe.skipIf(missing !== undefined)('Mosquitto with the shipped ACL', () => {
  let broker: MosquittoServer;
  const clients: MqttClient[] = [];
  const connect = async (username: keyof typeof USERS) => {
    const client = await mqtt.connectAsync(broker.url, { ...NO_RETRY, username, password: USERS[username] });
    clients.push(client);
    return client;
  };
  const refused = (options: IClientOptions) =>
    mqtt.connectAsync(broker.url, { ...NO_RETRY, ...options }).then(
      async (client) => {
        await client.endAsync();
        return false;
      },
      () => true,
    );

  beforeAll(async () => {
    broker = await startMosquitto({
      auth: { users: USERS, aclFile: join(REPO_ROOT, 'deploy/mosquitto/acl') },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await broker?.stop();
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    expect(await refused({})).toBe(true);
    expect(await refused({ username: 'aq-1', password: 'wrong' })).toBe(true);
    expect(await refused({ username: 'aq-1', password: USERS['aq-1'] })).toBe(false);
  });

  it("delivers a sensor's own topic to the platform user and drops its publish on another's", async () => {
    const platform = await connect('ssc-ingest');
    const seen: string[] = [];
    platform.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString()}`));
    await platform.subscribeAsync('sensors/#', { qos: 1 });
    const sensor = await connect('aq-1');
    await sensor.publishAsync('sensors/aq-2', '{"pm25": 999}', { qos: 1 });
    await sensor.publishAsync('sensors/aq-1', '{"pm25": 1}', { qos: 1 });
    await waitFor('the allowed reading', () => seen.includes('sensors/aq-1 {"pm25": 1}'));
    // Same connection, in order: the forged one would have arrived before the allowed one.
    expect(seen).toEqual(['sensors/aq-1 {"pm25": 1}']);
  });

  it("never lets a sensor read other sensors' data", async () => {
    const spy = await connect('aq-3');
    const seen: string[] = [];
    spy.on('message', (topic) => seen.push(topic));
    // Mosquitto 2.0 grants a 3.1.1 client's subscription and applies the ACL on delivery; a refusal
    // (SUBACK 0x80) would do as well.
    await spy.subscribeAsync('sensors/#', { qos: 1 }).catch((error: unknown) => {
      if (!(error instanceof ErrorWithSubackPacket)) throw error;
    });
    const watcher = await connect('ssc-ingest');
    const delivered: string[] = [];
    watcher.on('message', (topic) => delivered.push(topic));
    await watcher.subscribeAsync('sensors/aq-1', { qos: 1 });
    await (await connect('aq-1')).publishAsync('sensors/aq-1', '{"pm25": 2}', { qos: 1 });
    await waitFor('the reading at the platform', () => delivered.length > 0);
    // A round trip on the spy's connection: a reading routed to it would have been written before this ack.
    await spy.publishAsync('sensors/aq-3', '{"pm25": 3}', { qos: 1 });
    expect(seen).toEqual([]);
  });

  it("answers docker-compose's health check: the platform user reads $SYS/broker/uptime", async () => {
    const platform = await connect('ssc-ingest');
    const topics: string[] = [];
    platform.on('message', (topic) => topics.push(topic));
    await platform.subscribeAsync('$SYS/broker/uptime', { qos: 0 });
    await waitFor('the uptime message', () => topics.length > 0, { timeoutMs: 3_000 });
    expect(topics[0]).toBe('$SYS/broker/uptime');
  });

  it('cuts a sensor off once its user is deleted and the broker reloads (SIGHUP)', async () => {
    const sensor = await connect('aq-2');
    const closed = new Promise<void>((resolve) => sensor.once('close', () => resolve()));
    await broker.removeUser('aq-2');
    await closed;
    expect(await refused({ username: 'aq-2', password: USERS['aq-2'] })).toBe(true);
  });

  it('carries readings into the platform connected as the ACL platform user', async () => {
    let platform: TestPlatform | undefined;
    try {
      platform = await startTestPlatform({
        MQTT_URL: broker.url,
        MQTT_USERNAME: 'ssc-ingest',
        MQTT_PASSWORD: USERS['ssc-ingest'],
      });
      const sensor = await connect('aq-1');
      await sensor.publishAsync('sensors/aq-1', '{"pm25": 21.5}', { qos: 1 });
      const state = await waitFor('aq-1 in the API', async () => {
        const { status, body } = await platform!.get<SensorState>('/api/sensors/aq-1');
        return status === 200 && body.latest.pm25 !== undefined ? body : undefined;
      });
      expect(state.latest.pm25?.value).toBe(21.5);
    } finally {
      await platform?.close();
    }
  });
});
