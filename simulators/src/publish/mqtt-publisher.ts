import { randomBytes } from 'node:crypto';
import { sensorTopic } from '@ssc-monitor/core';
import { connect, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { SimulatorError } from '../errors.js';
import type { OutgoingMessage } from '../scenarios/payloads.js';
import type { Publisher } from './publisher.js';

export interface MqttPublisherOptions {
  /** Broker URL, e.g. `mqtt://localhost:1883`. */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** Topic prefix; messages go to `sensorTopic(prefix, sensorId)`. @defaultValue `''` */
  readonly prefix?: string;
  /** @defaultValue 0 */
  readonly qos?: 0 | 1;
  readonly logger: Logger;
  /** @defaultValue `ssc-sim-` and random hex */
  readonly clientId?: string;
  /** How long start() waits for the broker to accept the connection. @defaultValue 10000 */
  readonly connectTimeoutMs?: number;
  /** How long stop() waits for unacknowledged QoS 1 messages before dropping them. @defaultValue 5000 */
  readonly closeTimeoutMs?: number;
}

export const DEFAULT_MQTT_PUBLISHER_OPTIONS = {
  prefix: '',
  qos: 0,
  connectTimeoutMs: 10_000,
  closeTimeoutMs: 5_000,
} as const;

/** The URL without its password, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Node reports some socket failures as an AggregateError with an empty message but a code. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return error.message || code || error.name;
}

function waitForConnect(client: MqttClient, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      client.off('connect', onConnect).off('error', finish).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onConnect = (): void => finish();
    const onClose = (): void => finish(new Error('connection closed before the broker accepted it'));
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    client.once('connect', onConnect).once('error', finish).once('close', onClose);
  });
}

/** Resolves true once no QoS 1 message awaits its PUBACK, false after `timeoutMs`. */
function waitForDrain(client: MqttClient, timeoutMs: number): Promise<boolean> {
  if (Object.keys(client.outgoing).length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onEmpty = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      client.off('outgoingEmpty', onEmpty);
      resolve(false);
    }, timeoutMs);
    client.once('outgoingEmpty', onEmpty);
  });
}

/** MQTT.js takes text or a Buffer; a Buffer view shares the bytes rather than copying them. */
export function toWire(payload: string | Uint8Array): string | Buffer {
  return typeof payload === 'string'
    ? payload
    : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
}

/** Publishes sensor messages to an MQTT broker (MQTT.js 5). */
export class MqttPublisher implements Publisher {
  readonly #options: MqttPublisherOptions;
  readonly #log: Logger;
  #client: MqttClient | undefined;

  constructor(options: MqttPublisherOptions) {
    this.#options = options;
    this.#log = options.logger.child({ module: 'mqtt-publisher' });
  }

  async start(): Promise<void> {
    if (this.#client) return;
    const { url, username, password } = this.#options;
    const timeout = this.#options.connectTimeoutMs ?? DEFAULT_MQTT_PUBLISHER_OPTIONS.connectTimeoutMs;
    const client = connect(url, {
      username,
      password,
      clientId: this.#options.clientId ?? `ssc-sim-${randomBytes(4).toString('hex')}`,
      connectTimeout: timeout,
      reconnectPeriod: 1_000,
    });
    this.#watch(client);
    try {
      await waitForConnect(client, timeout);
    } catch (cause) {
      client.end(true);
      throw new SimulatorError('SIM_ERR_CONNECT', `cannot connect to ${redactUrl(url)}: ${describe(cause)}`, {
        cause,
      });
    }
    this.#client = client;
    this.#log.info({ url: redactUrl(url) }, 'connected to broker');
  }

  /** Logs connection changes once per change, not once per reconnect attempt. */
  #watch(client: MqttClient): void {
    const url = redactUrl(this.#options.url);
    let online = false;
    // Without an 'error' listener an emitted error would crash the process. Errors before the first
    // connection are start()'s to report.
    client.on('error', (error) => {
      if (this.#client === client) this.#log.warn({ err: error }, 'MQTT client error');
    });
    client.on('connect', () => {
      if (this.#client === client) this.#log.info({ url }, 'reconnected to broker');
      online = true;
    });
    client.on('offline', () => {
      if (online) this.#log.warn({ url }, 'broker unreachable; reconnecting');
      online = false;
    });
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    const client = this.#client;
    if (!client) throw new SimulatorError('SIM_ERR_NOT_STARTED', 'publish() called while not started');
    const prefix = this.#options.prefix ?? DEFAULT_MQTT_PUBLISHER_OPTIONS.prefix;
    const qos = this.#options.qos ?? DEFAULT_MQTT_PUBLISHER_OPTIONS.qos;
    const results = await Promise.allSettled(
      messages.map((m) => client.publishAsync(sensorTopic(prefix, m.sensorId), toWire(m.payload), { qos })),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const first = failures[0];
    if (first !== undefined) {
      throw new SimulatorError(
        'SIM_ERR_PUBLISH',
        `${failures.length} of ${messages.length} messages not published: ${describe(first.reason)}`,
        { cause: first.reason, failed: failures.length },
      );
    }
  }

  async stop(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#client = undefined;
    const timeout = this.#options.closeTimeoutMs ?? DEFAULT_MQTT_PUBLISHER_OPTIONS.closeTimeoutMs;
    const drained = client.connected && (await waitForDrain(client, timeout));
    if (client.connected && !drained) this.#log.warn('closing with unacknowledged messages');
    // A clean close sends DISCONNECT; a broker that is gone or an undrained queue gets a forced one.
    await client.endAsync(!(client.connected && drained));
    this.#log.info('disconnected from broker');
  }
}
