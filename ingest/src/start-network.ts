import { fileURLToPath } from 'node:url';
import type { PlatformView } from '@ssc-monitor/core';
import { buildApiApp, listenApi } from '@ssc-monitor/api';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { EmbeddedBroker } from './adapters/broker/embedded-broker.js';
import type { PublishInterceptor } from './adapters/broker/durable-publish-hook.js';
import { MqttSource, type MessageHandler } from './adapters/mqtt/mqtt-source.js';
import type { Config } from './config.js';
import { isAddressInUse, PlatformError } from './platform-errors.js';
import type { Closer } from './start-feeds.js';

/** The built dashboard served at /. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function connectSource(
  config: Config,
  url: string,
  logger: Logger,
  onMessage: MessageHandler,
  subscribeSensors: boolean,
): Promise<MqttSource> {
  const source = new MqttSource({
    url,
    username: config.MQTT_USERNAME,
    password: config.MQTT_PASSWORD,
    topicPrefix: config.MQTT_TOPIC_PREFIX,
    clientId: config.MQTT_CLIENT_ID,
    sharedGroup: config.MQTT_SHARED_GROUP,
    subscribeSensors,
    sensorConnections: config.MQTT_INGEST_CONNECTIONS,
    tls: {
      ca: config.MQTT_CA_FILE,
      cert: config.MQTT_CERT_FILE,
      key: config.MQTT_KEY_FILE,
      rejectUnauthorized: config.MQTT_TLS_REJECT_UNAUTHORIZED,
    },
    logger: logger.child({ module: 'mqtt' }),
  });
  try {
    await source.start(onMessage);
  } catch (error) {
    throw new PlatformError(
      'PLATFORM_ERR_BROKER_UNREACHABLE',
      `Cannot connect to the MQTT broker at ${url}: ${(error as Error).message}. Check MQTT_URL.`,
      { cause: error },
    );
  }
  return source;
}

/** Starts the embedded broker unless MQTT_URL names one; `intercept` takes sensor messages in-process. */
export async function startBroker(
  config: Config,
  logger: Logger,
  closers: Closer[],
  intercept?: PublishInterceptor,
): Promise<string> {
  if (config.MQTT_URL) return config.MQTT_URL;
  const broker = new EmbeddedBroker({
    port: config.MQTT_PORT,
    logger: logger.child({ module: 'broker' }),
    ...(intercept ? { intercept } : {}),
  });
  try {
    const port = await broker.start();
    closers.push(() => broker.stop());
    logger.info({ port }, 'embedded MQTT broker listening (anonymous clients allowed: for local use only)');
    return `mqtt://127.0.0.1:${port}`;
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    throw new PlatformError(
      'PLATFORM_ERR_MQTT_PORT_IN_USE',
      `MQTT port ${config.MQTT_PORT} is already in use (another MQTT broker?): set MQTT_PORT to a free port, or MQTT_URL=mqtt://localhost:${config.MQTT_PORT} to use that broker.`,
      { cause: error },
    );
  }
}

export async function startHttp(
  view: PlatformView,
  config: Config,
  logger: Logger,
  closers: Closer[],
): Promise<string> {
  const app: FastifyInstance = await buildApiApp(view, {
    logger: logger.child({ module: 'api' }),
    webDir: WEB_DIST_DIR,
  });
  closers.push(() => app.close());
  try {
    return await listenApi(app, { host: config.HOST, port: config.PORT });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    throw new PlatformError(
      'PLATFORM_ERR_HTTP_PORT_IN_USE',
      `HTTP port ${config.PORT} is already in use: set PORT to a free port.`,
      { cause: error },
    );
  }
}
