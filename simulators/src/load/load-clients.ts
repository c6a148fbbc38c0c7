import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connectAsync, type MqttClient } from 'mqtt';
import { SimulatorError } from '../errors.js';
import { redactUrl } from '../publish/mqtt-publisher.js';

export interface LoadConnection {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly qos: 0 | 1;
}

/** What happens to each message: acknowledged (QoS 1) or written (QoS 0) after `ms`, or failed. */
export type Outcome = (error: Error | undefined, ms: number) => void;

/** One MQTT connection of the load generator, counting what it has in flight. */
export class LoadClient {
  readonly #client: MqttClient;
  readonly #qos: 0 | 1;
  inFlight = 0;
  /** Connection errors reported by the client ('error' events). */
  errors = 0;

  constructor(client: MqttClient, qos: 0 | 1) {
    this.#client = client;
    this.#qos = qos;
    client.on('error', () => {
      this.errors += 1;
    });
    // Nagle's algorithm would hold small publishes back for coalescing and inflate the latency measured.
    const stream = client.stream as { setNoDelay?: (noDelay: boolean) => unknown };
    stream.setNoDelay?.(true);
  }

  publish(topic: string, payload: string, outcome: Outcome): void {
    const started = performance.now();
    this.inFlight += 1;
    this.#client.publish(topic, payload, { qos: this.#qos }, (error) => {
      this.inFlight -= 1;
      outcome(error ?? undefined, performance.now() - started);
    });
  }

  get connected(): boolean {
    return this.#client.connected;
  }

  close(): Promise<void> {
    return this.#client.endAsync(this.inFlight > 0);
  }
}

/** Opens `count` connections in parallel; fails with SIM_ERR_CONNECT if any cannot connect. */
export async function connectLoadClients(o: LoadConnection, count: number): Promise<LoadClient[]> {
  const tag = randomBytes(3).toString('hex');
  const attempts = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      connectAsync(o.url, {
        clientId: `ssc-load-${tag}-${i}`,
        username: o.username,
        password: o.password,
        // A load test measures the broker as it is: no silent reconnects hiding an outage.
        reconnectPeriod: 0,
        connectTimeout: 10_000,
      }),
    ),
  );
  const clients = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
  const failure = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    const reason =
      failure.reason instanceof Error
        ? failure.reason.message || failure.reason.name
        : String(failure.reason);
    throw new SimulatorError('SIM_ERR_CONNECT', `cannot connect to ${redactUrl(o.url)}: ${reason}`, {
      cause: failure.reason,
    });
  }
  return clients.map((client) => new LoadClient(client, o.qos));
}
