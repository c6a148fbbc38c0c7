import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { BrokerAuth, type RefusedPublish, type ServiceCredential } from './adapters/broker/broker-auth.js';
import { CredentialWatcher } from './adapters/broker/credential-watcher.js';
import { EmbeddedBroker } from './adapters/broker/embedded-broker.js';
import type { PublishInterceptor } from './adapters/broker/durable-publish-hook.js';
import type { Config } from './config.js';
import { isAddressInUse, PlatformError } from './platform-errors.js';
import type { Closer } from './start-feeds.js';

export interface BrokerEndpoint {
  readonly url: string;
  /** What this process's own clients connect with; undefined: MQTT_USERNAME/MQTT_PASSWORD as given. */
  readonly service?: ServiceCredential;
}

/** Username of the generated service credential when MQTT_USERNAME/MQTT_PASSWORD are not set. */
export const SERVICE_USERNAME = 'ssc-platform';

export function credentialsFile(config: Config): string {
  return config.MQTT_CREDENTIALS_FILE ?? join(config.DATA_DIR, 'mqtt-credentials.yaml');
}

/**
 * The service credential: MQTT_USERNAME/MQTT_PASSWORD when both are set (so other processes, e.g. the
 * simulator CLI, can use it), else a random one that lives as long as this process.
 */
function serviceCredential(config: Config): ServiceCredential {
  if (config.MQTT_USERNAME && config.MQTT_PASSWORD)
    return { username: config.MQTT_USERNAME, password: config.MQTT_PASSWORD };
  return { username: SERVICE_USERNAME, password: randomBytes(24).toString('base64url') };
}

/**
 * Starts the embedded broker with its access rules, unless MQTT_URL names an external one.
 * `intercept` takes sensor messages in-process and holds their PUBACK until they are durable.
 */
export async function startBroker(
  config: Config,
  demoOn: boolean,
  onRefusedPublish: (refused: RefusedPublish) => void,
  logger: Logger,
  closers: Closer[],
  intercept?: PublishInterceptor,
): Promise<BrokerEndpoint> {
  if (config.MQTT_URL) return { url: config.MQTT_URL };
  const log = logger.child({ module: 'broker' });
  const file = credentialsFile(config);
  const credentials = new CredentialWatcher({ file, pollMs: config.MQTT_CREDENTIALS_POLL_MS, logger: log });
  await credentials.start();
  closers.push(() => credentials.stop());
  const allowAnonymous = demoOn && credentials.size === 0;
  const service = serviceCredential(config);
  const auth = new BrokerAuth({
    credentials,
    service,
    topicPrefix: config.MQTT_TOPIC_PREFIX,
    allowAnonymous,
    onRefusedPublish,
    logger: log,
  });
  const tls =
    config.MQTT_TLS_PORT !== undefined && config.MQTT_TLS_CERT_FILE && config.MQTT_TLS_KEY_FILE
      ? { port: config.MQTT_TLS_PORT, certFile: config.MQTT_TLS_CERT_FILE, keyFile: config.MQTT_TLS_KEY_FILE }
      : undefined;
  const broker = new EmbeddedBroker({
    port: config.MQTT_PORT,
    auth,
    ...(tls ? { tls } : {}),
    ...(intercept ? { intercept } : {}),
    logger: log,
  });
  const port = await listenOrExplain(broker, config);
  closers.push(() => broker.stop());
  if (allowAnonymous)
    log.warn(
      { port },
      'DEMO MODE: the embedded MQTT broker accepts ANONYMOUS clients on every sensor topic. Never expose this port; add sensor credentials with `npm run sensors -- add <id>` to require them.',
    );
  else
    log.info(
      { port, sensors: credentials.size, credentialsFile: file },
      'embedded MQTT broker requires credentials',
    );
  if (broker.tlsPort !== undefined) log.info({ port: broker.tlsPort }, 'embedded MQTT broker TLS listener');
  return { url: `mqtt://127.0.0.1:${port}`, service };
}

async function listenOrExplain(broker: EmbeddedBroker, config: Config): Promise<number> {
  try {
    return await broker.start();
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    const tlsPort = config.MQTT_TLS_PORT;
    if (tlsPort !== undefined && tlsPort !== 0 && (error as { port?: unknown }).port === tlsPort)
      throw new PlatformError(
        'PLATFORM_ERR_MQTT_PORT_IN_USE',
        `MQTT TLS port ${tlsPort} is already in use: set MQTT_TLS_PORT to a free port.`,
        { cause: error },
      );
    throw new PlatformError(
      'PLATFORM_ERR_MQTT_PORT_IN_USE',
      `MQTT port ${config.MQTT_PORT} is already in use (another MQTT broker?): set MQTT_PORT to a free port, or MQTT_URL=mqtt://localhost:${config.MQTT_PORT} to use that broker.`,
      { cause: error },
    );
  }
}
