import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MqttSource, type SourceMessage } from './mqtt-source.js';

const logger = pino({ level: 'silent' });

describe('MqttSource with deferred PUBACKs', () => {
  let broker: Aedes | undefined;
  let server: Server | undefined;
  let source: MqttSource | undefined;
  let publisher: MqttClient | undefined;

  afterEach(async () => {
    await publisher?.endAsync(true);
    await source?.stop();
    await new Promise<void>((resolve) => (broker ? broker.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('keeps reading messages while their PUBACKs wait, then acknowledges them', async () => {
    const aedes = await Aedes.createBroker();
    broker = aedes;
    const acks: string[] = [];
    aedes.on('ack', (_packet, client) => acks.push(client.id));
    let subscribed = false;
    aedes.on('subscribe', (_subscriptions, client) => (subscribed ||= client.id === 'dp-ingest'));
    const tcp = createServer(aedes.handle);
    server = tcp;
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const address = tcp.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const url = `mqtt://127.0.0.1:${address.port}`;

    let release = (_durable: boolean): void => undefined;
    const gate = new Promise<boolean>((resolve) => (release = resolve));
    const received: SourceMessage[] = [];
    source = new MqttSource({ url, topicPrefix: 'dp/', clientId: 'dp-ingest', logger });
    await source.start((message) => {
      received.push(message);
      return gate;
    });
    await expect.poll(() => subscribed).toBe(true);
    publisher = await mqtt.connectAsync(url);
    for (let n = 0; n < 10; n++) await publisher.publishAsync('dp/sensors/aq-1', String(n), { qos: 1 });
    // All ten reached the pipeline although none is acknowledged: no stall of one message per commit.
    await expect.poll(() => received.length).toBe(10);
    expect(received.map((m) => [m.qos, m.payload.toString()])).toEqual(
      Array.from({ length: 10 }, (_, n) => [1, String(n)]),
    );
    const ingestAcks = (): number => acks.filter((id) => id === 'dp-ingest').length;
    expect(ingestAcks()).toBe(0);
    release(true);
    await expect.poll(ingestAcks).toBe(10);
  });
});
