import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import mqtt, {
  type IClientOptions,
  type IClientSubscribeOptions,
  type IPublishPacket,
  type ISubscriptionMap,
  type MqttClient,
} from 'mqtt';
import type { Logger } from 'pino';
import { sensorTopicFilter } from '@ssc-monitor/core';
import { DeferredPubacks } from './deferred-puback.js';

/** Back-pressure from the store: while closed, the source reads no further packet. */
export interface SourceFlow {
  readonly open: boolean;
  whenOpen(): Promise<void>;
}

export interface MqttTlsFiles {
  readonly ca?: string | undefined;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  /** @defaultValue true */
  readonly rejectUnauthorized?: boolean;
}

export interface MqttSourceOptions {
  readonly url: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly topicPrefix: string;
  /**
   * A fixed client id gives a persistent session (clean start off): QoS 1 readings published while
   * ingest is down are delivered when it returns. Without one, a random id and a clean session.
   */
  readonly clientId?: string | undefined;
  /** Shares the sensor subscription among the workers of this group (`$share/<group>/…`). */
  readonly sharedGroup?: string | undefined;
  /** Whether to subscribe to sensor topics at all (the monitor role does not). @defaultValue true */
  readonly subscribeSensors?: boolean;
  /**
   * Connections that take sensor messages, sharing one subscription (`$share/…`). A broker sends
   * each connection only a few unacknowledged messages at a time (Mosquitto: 20), and PUBACKs wait
   * for the spool's commit, so more connections mean more messages per commit.
   * @defaultValue 1
   */
  readonly sensorConnections?: number;
  readonly tls?: MqttTlsFiles;
  /**
   * When given, a closed flow pauses the sensor connections: MQTT.js reads no further packet until
   * `handleMessage` calls back, so the socket fills and TCP pushes back on the broker, which queues
   * QoS 1 and may drop QoS 0 as QoS 0 allows. Pauses longer than the keep-alive end in a reconnect.
   */
  readonly flow?: SourceFlow;
  readonly logger: Logger;
}

/** One sensor message from the broker. */
export interface SourceMessage {
  readonly topic: string;
  readonly payload: Buffer;
  /** Epoch ms. */
  readonly receivedAt: number;
  readonly qos: 0 | 1 | 2;
  readonly dup: boolean;
}

/** Resolves true once the message is durable: only then is a QoS 1 message acknowledged. */
export type MessageHandler = (message: SourceMessage) => Promise<boolean>;

/**
 * First reconnect delay, doubled up to the maximum while the broker stays away. Short, because a
 * restarted broker routes nothing to a worker group until one of its workers subscribes again.
 */
const MIN_RECONNECT_MS = 250;
const MAX_RECONNECT_MS = 30_000;

function clientOptions(options: MqttSourceOptions, clientId: string): IClientOptions {
  const { tls } = options;
  return {
    clientId,
    clean: options.clientId === undefined,
    username: options.username,
    password: options.password,
    reconnectPeriod: MIN_RECONNECT_MS,
    connectTimeout: 10_000,
    // MQTT.js calls its `debug` logger several times per packet even when it is disabled; the
    // platform logs through pino, so the per-packet calls are skipped.
    log: () => undefined,
    ...(tls?.ca ? { ca: readFileSync(tls.ca) } : {}),
    ...(tls?.cert ? { cert: readFileSync(tls.cert) } : {}),
    ...(tls?.key ? { key: readFileSync(tls.key) } : {}),
    ...(tls?.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
  };
}

/** `resubscribe` makes MQTT.js send the SUBSCRIBE even for a filter it already subscribed. */
function renewedSubscription(filter: string): ISubscriptionMap {
  const map: Record<string, IClientSubscribeOptions> = { [filter]: { qos: 1 } };
  return Object.assign(map, { resubscribe: true });
}

/**
 * Subscribes to every sensor topic and hands each message to the pipeline. MQTT.js reconnects by
 * itself; the delay doubles from 250 ms up to 30 s while the broker stays away, and the subscription
 * is sent again on every (re)connect.
 */
export class MqttSource {
  #client: MqttClient | undefined;
  #sensorClients: MqttClient[] = [];
  #connected = false;
  readonly #clientId: string;

  constructor(private readonly options: MqttSourceOptions) {
    this.#clientId = options.clientId ?? `ssc-ingest-${randomUUID().slice(0, 8)}`;
  }

  /**
   * Extra connections for sensor messages; 0 when the main connection takes them. They share one
   * subscription, so they are used only where a shared subscription loses nothing: in a worker group
   * (MQTT_SHARED_GROUP), or with a clean session, which keeps nothing across a broker restart anyway.
   * A persistent session alone keeps a plain subscription: a broker restarted meanwhile queues for it
   * from its persisted subscriptions, which a shared group did not get in the fault suite.
   */
  get #extraConnections(): number {
    const wanted = this.options.sensorConnections ?? 1;
    const shareable = this.options.sharedGroup !== undefined || this.options.clientId === undefined;
    return this.options.subscribeSensors === false || wanted <= 1 || !shareable ? 0 : wanted;
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** The connection, for other publishers and subscribers of this process to share. */
  get client(): MqttClient | undefined {
    return this.#client;
  }

  get sensorFilter(): string {
    const filter = sensorTopicFilter(this.options.topicPrefix);
    // Several connections of one process share the subscription too; a fixed client id keeps the
    // group name (and so the queued messages) across restarts.
    const group = this.options.sharedGroup ?? (this.#extraConnections > 0 ? this.#clientId : undefined);
    return group === undefined ? filter : `$share/${group}/${filter}`;
  }

  /** Resolves once connected and subscribed; rejects if the first connection fails. */
  async start(onMessage: MessageHandler): Promise<void> {
    const client = mqtt.connect(this.options.url, clientOptions(this.options, this.#clientId));
    this.#client = client;
    const extra = this.#extraConnections;
    const takesSensors = this.options.subscribeSensors !== false && extra === 0;
    this.#attach(client, onMessage, takesSensors, true);
    await this.#firstConnect(client);
    for (let i = 0; i < extra; i++) {
      const sensors = mqtt.connect(this.options.url, clientOptions(this.options, `${this.#clientId}-s${i}`));
      this.#sensorClients.push(sensors);
      this.#attach(sensors, onMessage, true, false);
      await this.#firstConnect(sensors);
    }
  }

  /** Hands sensor messages to `onMessage` (PUBACK once durable) and renews the subscription on connect. */
  #attach(client: MqttClient, onMessage: MessageHandler, subscribe: boolean, primary: boolean): void {
    const { url, logger } = this.options;
    const sensorsRoot = sensorTopicFilter(this.options.topicPrefix).slice(0, -1);
    const pubacks = new DeferredPubacks(client);
    pubacks.install();
    const { flow } = this.options;
    // handleMessage runs for every PUBLISH, after the 'message' event other listeners use.
    const handle = (packet: IPublishPacket, callback: () => void): void => {
      const topic = packet.topic;
      if (!topic.startsWith(sensorsRoot)) {
        callback();
        return;
      }
      // Another connection may have closed the flow since this packet was parsed: wait, don't drop.
      if (flow !== undefined && !flow.open) {
        void flow.whenOpen().then(() => handle(packet, callback));
        return;
      }
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      const message = { topic, payload, receivedAt: Date.now(), qos: packet.qos, dup: packet.dup };
      const durable = onMessage(message);
      if (packet.qos === 1) pubacks.defer(packet.messageId, durable);
      if (flow === undefined || flow.open) callback();
      else void flow.whenOpen().then(callback);
    };
    client.handleMessage = handle;
    client.on('connect', (connack) => {
      if (primary) this.#connected = true;
      client.options.reconnectPeriod = MIN_RECONNECT_MS;
      const sessionPresent = connack.sessionPresent;
      logger.info({ url, clientId: client.options.clientId, sessionPresent }, 'connected to MQTT broker');
      if (!subscribe) return;
      // Sent on every connect, session present or not: MQTT.js would skip a filter it subscribed
      // before, and Mosquitto (2.0.11) restores a persistent session after a restart without its
      // shared subscriptions, so a worker group would get nothing more (docs/reliability.md).
      client.subscribe(renewedSubscription(this.sensorFilter), (error) => {
        if (error) logger.error({ err: error }, 'subscription failed');
      });
    });
    client.on('reconnect', () => {
      client.options.reconnectPeriod = Math.min(
        MAX_RECONNECT_MS,
        (client.options.reconnectPeriod ?? MIN_RECONNECT_MS) * 2,
      );
    });
    client.on('close', () => {
      if (!primary) return;
      if (this.#connected) logger.warn({ url }, 'MQTT connection lost; reconnecting');
      this.#connected = false;
    });
  }

  #firstConnect(client: MqttClient): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        client.end(true);
        reject(error);
      };
      client.once('error', onError);
      client.once('connect', () => {
        client.off('error', onError);
        client.on('error', (error) => this.options.logger.warn({ err: error.message }, 'MQTT client error'));
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    const clients = [...this.#sensorClients, ...(this.#client ? [this.#client] : [])];
    this.#client = undefined;
    this.#sensorClients = [];
    this.#connected = false;
    await Promise.all(clients.map((client) => client.endAsync()));
  }
}
