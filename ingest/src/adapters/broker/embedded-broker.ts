import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import type { Logger } from 'pino';
import { acknowledgeWhenDurable, type PublishInterceptor } from './durable-publish-hook.js';

export interface EmbeddedBrokerOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  readonly host?: string;
  readonly logger: Logger;
  /** Takes sensor messages in-process and holds their PUBACK until they are durable. */
  readonly intercept?: PublishInterceptor;
}

/**
 * The zero-setup MQTT broker (aedes) used when no MQTT_URL is configured. Anonymous clients are
 * accepted: it serves the local demo, not a city's production network.
 */
export class EmbeddedBroker {
  #broker: Aedes | undefined;
  #server: Server | undefined;

  constructor(private readonly options: EmbeddedBrokerOptions) {}

  /** Resolves with the bound port; rejects with the listen error (code EADDRINUSE when taken). */
  async start(): Promise<number> {
    const broker = await Aedes.createBroker();
    if (this.options.intercept) acknowledgeWhenDurable(broker, this.options.intercept);
    const log = this.options.logger;
    broker.on('clientError', (client, error) =>
      log.debug({ client: client.id, err: error.message }, 'MQTT client error'),
    );
    broker.on('connectionError', (_client, error) =>
      log.debug({ err: error.message }, 'MQTT connection error'),
    );
    const server = createServer(broker.handle);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.options.port, this.options.host ?? '0.0.0.0', () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      throw error;
    }
    server.on('error', (error) => log.error({ err: error }, 'embedded broker server error'));
    this.#broker = broker;
    this.#server = server;
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : this.options.port;
  }

  async stop(): Promise<void> {
    const broker = this.#broker;
    const server = this.#server;
    this.#broker = undefined;
    this.#server = undefined;
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
