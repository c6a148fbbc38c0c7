import { randomUUID } from 'node:crypto';
import type { DeadLetter, HealthReport, SensorState } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

/** The same behaviour through the embedded broker and through the Mosquitto running on this machine. */
const brokers = [
  { name: 'embedded broker', env: (): Record<string, string> => ({}) },
  {
    name: 'Mosquitto on 1883',
    env: () => ({
      MQTT_URL: 'mqtt://127.0.0.1:1883',
      MQTT_TOPIC_PREFIX: `test-${randomUUID().slice(0, 8)}/`,
    }),
  },
];

describe.each(brokers)('readings in over MQTT ($name)', ({ env }) => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  it('stores a plain JSON reading and serves it at /api/sensors/:id', async () => {
    const vars = env();
    platform = await startTestPlatform(vars);
    const client = await platform.publisher();
    const prefix = vars.MQTT_TOPIC_PREFIX ?? '';
    await client.publishAsync(`${prefix}sensors/probe-1`, '{"pm25": 17.5}', { qos: 1 });
    const sensor = await waitFor('probe-1 in the API', async () => {
      const { status, body } = await platform!.get<SensorState>('/api/sensors/probe-1');
      return status === 200 && body.latest.pm25 !== undefined ? body : undefined;
    });
    expect(sensor.latest.pm25?.value).toBe(17.5);
    expect(sensor.district).toBe('unassigned');
    expect(sensor.messages).toBe(1);
    await waitFor('the reading stored', () => platform!.pipeline.counters().stored === 1);
  });

  it('dead-letters a malformed message with a reason and stays up', async () => {
    const vars = env();
    platform = await startTestPlatform(vars);
    const client = await platform.publisher();
    const prefix = vars.MQTT_TOPIC_PREFIX ?? '';
    await client.publishAsync(`${prefix}sensors/probe-2`, 'pm25=oops', { qos: 1 });
    await client.publishAsync(`${prefix}sensors/probe-2`, '{"pm25": 12}', { qos: 1 });
    const letters = await waitFor('a dead letter', async () => {
      const { body } = await platform!.get<{ deadLetters: DeadLetter[] }>('/api/dead-letters');
      return body.deadLetters.length > 0 ? body.deadLetters : undefined;
    });
    expect(letters[0]).toMatchObject({
      sensorId: 'probe-2',
      code: 'INGEST_ERR_NOT_JSON',
      payloadExcerpt: 'pm25=oops',
    });
    expect(letters[0]?.reason).toMatch(/not JSON/);
    const sensor = await waitFor('the valid reading after it', async () => {
      const { body } = await platform!.get<SensorState>('/api/sensors/probe-2');
      return body.latest?.pm25 ? body : undefined;
    });
    expect(sensor.errors).toBe(1);
    const health = await platform.get<HealthReport>('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.ingest.rejected).toBe(1);
    expect(health.body.broker.connected).toBe(true);
  });
});
