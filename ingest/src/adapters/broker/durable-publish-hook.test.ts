import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from './embedded-broker.js';

const logger = pino({ level: 'silent' });

describe('acknowledgeWhenDurable (embedded broker)', () => {
  let broker: EmbeddedBroker | undefined;
  let client: MqttClient | undefined;
  let other: MqttClient | undefined;

  afterEach(async () => {
    await other?.endAsync(true);
    await client?.endAsync(true);
    await broker?.stop();
  });

  it('sends PUBACK only once the message is durable, taking many messages meanwhile', async () => {
    let release = (_durable: boolean): void => undefined;
    const gate = new Promise<boolean>((resolve) => (release = resolve));
    const taken: string[] = [];
    broker = new EmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      logger,
      intercept: (packet) => {
        if (!packet.topic.startsWith('sensors/')) return undefined;
        taken.push(packet.payload.toString());
        return gate;
      },
    });
    const port = await broker.start();
    const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`);
    client = publisher;
    const acked: number[] = [];
    const published = [1, 2, 3, 4, 5].map((n) =>
      publisher.publishAsync('sensors/aq-1', String(n), { qos: 1 }).then(() => acked.push(n)),
    );
    await expect.poll(() => taken.length).toBe(5);
    // Another client's message on another topic is acknowledged while the five wait together.
    other = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`);
    await other.publishAsync('other/topic', 'x', { qos: 1 });
    expect(acked).toEqual([]);
    release(true);
    await Promise.all(published);
    expect(acked.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('never acknowledges a message that could not be made durable', async () => {
    broker = new EmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      logger,
      intercept: () => Promise.resolve(false),
    });
    const port = await broker.start();
    const publisher = mqtt.connect(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0 });
    client = publisher;
    publisher.on('error', () => undefined);
    await new Promise((resolve) => publisher.once('connect', resolve));
    let acked = false;
    publisher.publish('sensors/aq-1', '1', { qos: 1 }, (error) => (acked = !error));
    // aedes closes the connection of a publish its authorisation refused; the client sends it again later.
    await new Promise<void>((resolve) => publisher.once('close', () => resolve()));
    expect(acked).toBe(false);
  });

  it('keeps the connection of a QoS 0 publisher whose message ingest dropped', async () => {
    let offered = 0;
    broker = new EmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      logger,
      intercept: (packet) => {
        if (!packet.topic.startsWith('sensors/')) return undefined;
        offered += 1;
        return Promise.resolve(false);
      },
    });
    const port = await broker.start();
    const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0 });
    client = publisher;
    let closed = false;
    publisher.on('close', () => (closed = true));
    for (let n = 0; n < 3; n += 1) await publisher.publishAsync('sensors/aq-1', String(n), { qos: 0 });
    await expect.poll(() => offered).toBe(3);
    // A QoS 1 round trip on the same connection after the drops: it was not closed.
    await publisher.publishAsync('other/topic', 'x', { qos: 1 });
    expect(closed).toBe(false);
  });
});
