import { createHash, timingSafeEqual } from 'node:crypto';
import { parseSensorTopic, sensorTopic } from '@ssc-monitor/core';
import type { AuthenticateError, Client, PublishPacket, Subscription } from 'aedes';
import type { Logger } from 'pino';
import type { RevocationListener } from './credential-watcher.js';
import { verifyPassword, type SensorCredential } from './sensor-credentials.js';

/** The platform's own clients (ingest, demo simulators, scale-out forwarding) connect with this. */
export interface ServiceCredential {
  readonly username: string;
  readonly password: string;
}

/** Who a connection is: the platform itself, one sensor, or (demo only) anybody. */
export type Identity =
  | { readonly kind: 'service' }
  | { readonly kind: 'sensor'; readonly sensorId: string }
  | { readonly kind: 'anonymous' };

/** A publish the broker refused, for the dead-letter store: the sensor published off its own topic. */
export interface RefusedPublish {
  readonly sensorId: string;
  readonly topic: string;
  readonly payload: Buffer;
  readonly allowedTopic: string;
}

/** Where the sensors' credentials come from (the watched credentials file). */
export interface CredentialSource {
  get(sensorId: string): SensorCredential | undefined;
  onRevoked(listener: RevocationListener): void;
}

export interface BrokerAuthOptions {
  readonly credentials: CredentialSource;
  readonly service: ServiceCredential;
  readonly topicPrefix: string;
  /** Accept clients without credentials, with full access: the local demo only. */
  readonly allowAnonymous: boolean;
  readonly onRefusedPublish: (refused: RefusedPublish) => void;
  readonly logger: Logger;
}

/** CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3). */
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

function authError(returnCode: number, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

function sameSecret(given: Buffer, expected: string): boolean {
  const want = Buffer.from(expected, 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * The embedded broker's access rules, as aedes handlers: per-sensor credentials, a sensor publishes
 * only on `<prefix>sensors/<its id>` and subscribes to nothing else, the platform's service user may do
 * everything. Revoking a sensor's credential closes its open connections.
 */
export class BrokerAuth {
  readonly #identities = new WeakMap<Client, Identity>();
  readonly #bySensor = new Map<string, Set<Client>>();
  /**
   * SHA-256 of the last password that passed scrypt, per sensor: a sensor reconnecting (or a
   * fleet after a broker restart) costs a digest, not ~50 ms of scrypt each. Keyed by sensor and
   * checked against the stored hash, so a revoked or re-issued credential never matches.
   */
  readonly #verified = new Map<string, { readonly hash: string; readonly digest: Buffer }>();

  constructor(private readonly options: BrokerAuthOptions) {
    options.credentials.onRevoked((ids) => this.#cutOff(ids));
  }

  identityOf(client: Client): Identity | undefined {
    return this.#identities.get(client);
  }

  readonly authenticate = (
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void => {
    this.#identify(username, password).then(
      (identity) => {
        if (identity === undefined) {
          const anonymous = username === undefined;
          this.options.logger.warn({ client: client.id, username }, 'MQTT connection refused');
          done(authError(anonymous ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD, 'not authorised'), false);
          return;
        }
        this.#remember(client, identity);
        done(null, true);
      },
      (error: unknown) => done(authError(NOT_AUTHORIZED, String(error)), false),
    );
  };

  readonly authorizePublish = (
    client: Client | null,
    packet: PublishPacket,
    done: (error?: Error | null) => void,
  ): void => {
    const identity = client ? this.#identities.get(client) : undefined;
    if (identity === undefined || identity.kind !== 'sensor') {
      // A will of a client that never authenticated cannot exist; service and demo clients are trusted.
      done(identity === undefined && client !== null ? new Error('not authenticated') : null);
      return;
    }
    const allowedTopic = sensorTopic(this.options.topicPrefix, identity.sensorId);
    if (packet.topic === allowedTopic) {
      done(null);
      return;
    }
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    this.options.logger.warn(
      { sensorId: identity.sensorId, topic: packet.topic.slice(0, 200) },
      "publish refused: not the sensor's own topic; dead-lettered, connection closed",
    );
    this.options.onRefusedPublish({
      sensorId: identity.sensorId,
      topic: packet.topic,
      payload,
      allowedTopic,
    });
    // MQTT 3.1.1 has no negative PUBACK: closing the connection is the refusal (MQTT-3.3.5-2).
    done(new Error(`sensor ${identity.sensorId} may publish only on ${allowedTopic}`));
  };

  readonly authorizeSubscribe = (
    client: Client,
    subscription: Subscription,
    done: (error: Error | null, subscription?: Subscription | null) => void,
  ): void => {
    const identity = this.#identities.get(client);
    const own =
      identity?.kind === 'sensor' &&
      parseSensorTopic(this.options.topicPrefix, subscription.topic) === identity.sensorId;
    // A null subscription is a SUBACK failure (0x80) for this filter; the connection stays up.
    done(null, identity?.kind === 'sensor' && !own ? null : subscription);
  };

  /** Forgets a closed connection. */
  forget(client: Client): void {
    const identity = this.#identities.get(client);
    if (identity?.kind === 'sensor') this.#bySensor.get(identity.sensorId)?.delete(client);
  }

  async #identify(username: string | undefined, password: Buffer | undefined): Promise<Identity | undefined> {
    if (username === undefined) return this.options.allowAnonymous ? { kind: 'anonymous' } : undefined;
    const secret = password ?? Buffer.alloc(0);
    const { service, credentials } = this.options;
    if (username === service.username)
      return sameSecret(secret, service.password) ? { kind: 'service' } : undefined;
    const credential = credentials.get(username);
    if (credential === undefined) return undefined;
    const ok = await this.#check(username, secret, credential.hash);
    // Revoked while the hash was being computed: the revocation wins.
    return ok && credentials.get(username)?.hash === credential.hash
      ? { kind: 'sensor', sensorId: username }
      : undefined;
  }

  async #check(sensorId: string, secret: Buffer, hash: string): Promise<boolean> {
    const digest = createHash('sha256').update(secret).digest();
    const known = this.#verified.get(sensorId);
    if (known?.hash === hash && timingSafeEqual(known.digest, digest)) return true;
    if (!(await verifyPassword(secret.toString('utf8'), hash))) return false;
    this.#verified.set(sensorId, { hash, digest });
    return true;
  }

  #remember(client: Client, identity: Identity): void {
    this.#identities.set(client, identity);
    if (identity.kind !== 'sensor') return;
    const clients = this.#bySensor.get(identity.sensorId) ?? new Set<Client>();
    clients.add(client);
    this.#bySensor.set(identity.sensorId, clients);
  }

  #cutOff(sensorIds: readonly string[]): void {
    for (const id of sensorIds) {
      this.#verified.delete(id);
      const clients = this.#bySensor.get(id);
      this.#bySensor.delete(id);
      if (clients === undefined || clients.size === 0) continue;
      this.options.logger.warn(
        { sensorId: id, connections: clients.size },
        'credential revoked: disconnecting',
      );
      for (const client of clients) client.close();
    }
  }
}
