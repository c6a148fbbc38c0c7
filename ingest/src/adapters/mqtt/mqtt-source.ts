import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { sensorTopicFilter } from '@ssc-monitor/core';

export interface MqttSourceOptions {
  readonly url: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly topicPrefix: string;
  readonly logger: Logger;
}

export type MessageHandler = (topic: string, payload: Buffer, receivedAt: number) => void;

/**
 * Subscribes to every sensor topic and hands each message to the pipeline. MQTT.js reconnects by
 * itself; subscriptions are renewed on every (re)connect.
 */
export class MqttSource {
  #client: MqttClient | undefined;
  #connected = false;

  constructor(private readonly options: MqttSourceOptions) {}

  get connected(): boolean {
    return this.#connected;
  }

  /** Resolves once connected and subscribed; rejects if the first connection fails. */
  async start(onMessage: MessageHandler): Promise<void> {
    const { url, username, password, topicPrefix, logger } = this.options;
    const client = mqtt.connect(url, {
      clientId: `ssc-ingest-${randomUUID().slice(0, 8)}`,
      username,
      password,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    this.#client = client;
    client.on('message', (topic, payload) => onMessage(topic, payload, Date.now()));
    client.on('connect', () => {
      this.#connected = true;
      logger.info({ url }, 'connected to MQTT broker');
      client.subscribe(sensorTopicFilter(topicPrefix), { qos: 1 }, (error) => {
        if (error) logger.error({ err: error }, 'subscription failed');
      });
    });
    client.on('close', () => {
      if (this.#connected) logger.warn({ url }, 'MQTT connection lost; reconnecting');
      this.#connected = false;
    });
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        client.end(true);
        reject(error);
      };
      client.once('error', onError);
      client.once('connect', () => {
        client.off('error', onError);
        client.on('error', (error) => logger.warn({ err: error.message }, 'MQTT client error'));
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    this.#connected = false;
    if (client) await client.endAsync();
  }
}
