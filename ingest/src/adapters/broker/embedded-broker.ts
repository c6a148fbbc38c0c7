import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { Aedes } from 'aedes';
import type { Logger } from 'pino';
import { acknowledgeWhenDurable, type PublishInterceptor } from './durable-publish-hook.js';
import type { BrokerAuth } from './broker-auth.js';

export interface EmbeddedBrokerTls {
  /** TLS port; 0 picks a free one. */
  readonly port: number;
  /** PEM certificate (chain) and private key files. */
  readonly certFile: string;
  readonly keyFile: string;
}

export interface EmbeddedBrokerOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  readonly host?: string;
  /** Access rules; without them every client may do everything (only for tests of the broker itself). */
  readonly auth?: BrokerAuth;
  /** An MQTT-over-TLS listener besides the plain one. */
  readonly tls?: EmbeddedBrokerTls;
  readonly logger: Logger;
  /** Takes sensor messages in-process and holds their PUBACK until they are durable. */
  readonly intercept?: PublishInterceptor;
}

/** The zero-setup MQTT broker (aedes) used when no MQTT_URL is configured. */
export class EmbeddedBroker {
  #broker: Aedes | undefined;
  #servers: Server[] = [];
  #tlsPort: number | undefined;

  constructor(private readonly options: EmbeddedBrokerOptions) {}

  /** The bound TLS port, once started with a TLS listener. */
  get tlsPort(): number | undefined {
    return this.#tlsPort;
  }

  /** Resolves with the bound port; rejects with the listen error (code EADDRINUSE when taken). */
  async start(): Promise<number> {
    const { auth, tls, logger: log } = this.options;
    const broker = await Aedes.createBroker(
      auth
        ? {
            authenticate: auth.authenticate,
            authorizePublish: auth.authorizePublish,
            authorizeSubscribe: auth.authorizeSubscribe,
          }
        : {},
    );
    if (this.options.intercept) acknowledgeWhenDurable(broker, this.options.intercept);
    broker.on('clientError', (client, error) =>
      log.debug({ client: client.id, err: error.message }, 'MQTT client error'),
    );
    broker.on('connectionError', (_client, error) =>
      log.debug({ err: error.message }, 'MQTT connection error'),
    );
    if (auth) broker.on('clientDisconnect', (client) => auth.forget(client));
    this.#broker = broker;
    try {
      const port = await this.#listen(createServer(broker.handle), this.options.port);
      if (tls) {
        const [cert, key] = await Promise.all([readFile(tls.certFile), readFile(tls.keyFile)]);
        const server = createTlsServer({ cert, key }, broker.handle);
        // A failed handshake (a plain client on the TLS port) is the client's problem, not the broker's.
        server.on('tlsClientError', (error) =>
          log.debug({ err: error.message }, 'MQTT TLS handshake failed'),
        );
        this.#tlsPort = await this.#listen(server, tls.port);
      }
      return port;
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async #listen(server: Server, port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => this.options.logger.error({ err: error }, 'embedded broker server error'));
    this.#servers.push(server);
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  async stop(): Promise<void> {
    const broker = this.#broker;
    const servers = this.#servers;
    this.#broker = undefined;
    this.#servers = [];
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
