import { randomUUID } from 'node:crypto';
import { parseSensorMessage, parseSensorTopic, sensorTopicFilter } from '@ssc-monitor/core';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatorError } from '../errors.js';
import { runDemoSimulation, type DemoSimulation } from '../run-demo.js';
import { loadDemoPlan } from '../test-support/demo-plan.js';
import { MqttPublisher } from './mqtt-publisher.js';

/** The Mosquitto broker that runs on the test machine. */
const BROKER = 'mqtt://127.0.0.1:1883';
const logger = pino({ level: 'silent' });

interface Received {
  readonly topic: string;
  readonly payload: Buffer;
  readonly at: number;
}

async function until(condition: () => boolean, deadlineMs = 10_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('MqttPublisher against Mosquitto', () => {
  let prefix: string;
  let subscriber: MqttClient;
  let received: Received[];
  let simulation: DemoSimulation | undefined;

  beforeEach(async () => {
    prefix = `test-${randomUUID()}/`;
    received = [];
    subscriber = await connectAsync(BROKER, { reconnectPeriod: 0 });
    subscriber.on('error', () => {});
    subscriber.on('message', (topic, payload) => received.push({ topic, payload, at: Date.now() }));
    await subscriber.subscribeAsync(sensorTopicFilter(prefix), { qos: 1 });
  });

  afterEach(async () => {
    await simulation?.stop();
    simulation = undefined;
    await subscriber.endAsync();
  });

  it('publishes a backfill on the sensor topics, with historical timestamps the core accepts', async () => {
    const { sensors } = loadDemoPlan();
    const startedAt = Date.now();
    simulation = await runDemoSimulation({
      url: BROKER,
      prefix,
      sensors,
      seed: 3,
      intervalMs: 60_000,
      backfillMs: 30 * 60_000,
      qos: 1,
      logger,
    });
    const published = await simulation.backfilled;
    expect(published).toBeGreaterThanOrEqual(6 * sensors.length);
    await until(() => received.length >= published);
    expect(received.length).toBe(published);

    const perSensor = new Map<string, number>();
    let oldest = Infinity;
    for (const message of received) {
      const sensorId = parseSensorTopic(prefix, message.topic);
      expect(sensorId).toBeDefined();
      perSensor.set(sensorId ?? '', (perSensor.get(sensorId ?? '') ?? 0) + 1);
      const parsed = parseSensorMessage(
        { topic: message.topic, payload: message.payload, receivedAt: message.at },
        { topicPrefix: prefix, maxPayloadBytes: 64 * 1024 },
      );
      expect(parsed.ok).toBe(true);
      if (parsed.ok) for (const reading of parsed.readings) oldest = Math.min(oldest, reading.ts);
    }
    expect([...perSensor.keys()].sort()).toEqual(sensors.map((s) => s.id).sort());
    expect(new Set(perSensor.values()).size).toBe(1);
    expect(oldest).toBeLessThan(startedAt - 25 * 60_000);
  });

  it('publishes in real time, warns once about unknown kinds and stops cleanly', async () => {
    const sensors = [
      ...loadDemoPlan().sensors.slice(0, 3),
      { id: 'radar-1', district: 'centre', kind: 'radar' },
    ];
    const warnings: string[] = [];
    const capture = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    simulation = await runDemoSimulation({ url: BROKER, prefix, sensors, intervalMs: 200, logger: capture });
    await until(() => received.length >= 9);
    await simulation.stop();
    const count = received.length;
    // Silence can only be observed over time: 2.5 intervals without a message.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.length).toBe(count);
    expect(received.some((m) => m.topic.endsWith('/radar-1'))).toBe(false);
    expect(warnings.filter((line) => line.includes('radar-1'))).toHaveLength(1);
  });

  it('refuses to publish before start', async () => {
    const publisher = new MqttPublisher({ url: BROKER, logger });
    await expect(publisher.publish([{ sensorId: 'x', payload: '{}' }])).rejects.toMatchObject({
      code: 'SIM_ERR_NOT_STARTED',
    });
  });
});

describe('MqttPublisher without a broker', () => {
  it('fails to start with SIM_ERR_CONNECT and a one-line reason', async () => {
    // Port 1 is reserved (tcpmux) and closed on test machines: the connection is refused at once.
    const publisher = new MqttPublisher({ url: 'mqtt://127.0.0.1:1', logger, connectTimeoutMs: 3_000 });
    const error = await publisher.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SimulatorError);
    expect((error as SimulatorError).code).toBe('SIM_ERR_CONNECT');
    expect((error as SimulatorError).message).toMatch(/^cannot connect to mqtt:\/\/127\.0\.0\.1:1\S*: \S.*$/);
  });
});
