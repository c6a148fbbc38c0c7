import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { IntakeGate } from '../../pipeline/intake-gate.js';
import { MqttSource } from './mqtt-source.js';

const logger = pino({ level: 'silent' });
/** The machine's Mosquitto: the back-pressure under test is TCP's, against a real external broker. */
const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

describe('MqttSource flow control (Mosquitto)', () => {
  const clients: MqttClient[] = [];
  let source: MqttSource | undefined;

  afterEach(async () => {
    await source?.stop();
    for (const client of clients.splice(0)) await client.endAsync(true);
  });

  it('reads no further message while the flow is closed, and every QoS 1 message once it opens', async () => {
    const prefix = `flow-${randomUUID().slice(0, 8)}/`;
    const topic = `${prefix}sensors/aq-1`;
    const gate = new IntakeGate({ highWater: 5, lowWater: 0 });
    const received: string[] = [];
    let storeUp = false;
    source = new MqttSource({ url: MOSQUITTO_URL, topicPrefix: prefix, logger, flow: gate });
    await source.start((message) => {
      received.push(message.payload.toString());
      // A store that takes nothing until it is up: every message adds to the backlog.
      gate.update(storeUp ? 0 : received.length);
      return Promise.resolve(true);
    });
    // A plain subscriber on the same topic shows when the broker has sent everything out.
    const watcher = await mqtt.connectAsync(MOSQUITTO_URL);
    clients.push(watcher);
    let watched = 0;
    watcher.on('message', () => (watched += 1));
    await watcher.subscribeAsync(topic, { qos: 1 });
    const publisher = await mqtt.connectAsync(MOSQUITTO_URL);
    clients.push(publisher);
    const payloads = Array.from({ length: 50 }, (_, n) => String(n));
    for (const payload of payloads) await publisher.publishAsync(topic, payload, { qos: 1 });
    await expect.poll(() => watched, { timeout: 10_000 }).toBe(50);
    // Paused at the high-water mark: the other 45 wait at the broker (or in the socket).
    expect(received).toEqual(payloads.slice(0, 5));
    expect(gate.open).toBe(false);
    storeUp = true;
    gate.update(0);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(50);
    expect(received).toEqual(payloads);
  });
});
