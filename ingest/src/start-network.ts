import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlatformView } from '@ssc-monitor/core';
import {
  AccessPolicy,
  API_KEYS_FILE,
  ApiKeyStore,
  AuthError,
  buildApiApp,
  DEFAULT_POLICY_FILE,
  ensureAdminKey,
  ensureReportKey,
  FileKeyPersistence,
  listenApi,
  parseTrustProxy,
  type AdminKeyState,
  type ApiAuthOptions,
} from '@ssc-monitor/api';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ServiceCredential } from './adapters/broker/broker-auth.js';
import { MqttSource, type MessageHandler, type SourceFlow } from './adapters/mqtt/mqtt-source.js';
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
  /** The embedded broker's service credential; MQTT_USERNAME/MQTT_PASSWORD otherwise. */
  service?: ServiceCredential,
  /** Pauses the sensor connections while the store catches up. */
  flow?: SourceFlow,
): Promise<MqttSource> {
  const source = new MqttSource({
    url,
    username: service?.username ?? config.MQTT_USERNAME,
    password: service?.password ?? config.MQTT_PASSWORD,
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
    ...(flow ? { flow } : {}),
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

/** Keys under DATA_DIR, the policy file, and a first admin key when there is none. */
async function prepareAuth(
  config: Config,
): Promise<{ auth: ApiAuthOptions; admin: AdminKeyState; reportKey: string }> {
  try {
    await mkdir(config.DATA_DIR, { recursive: true });
    const keys = new ApiKeyStore(new FileKeyPersistence(join(config.DATA_DIR, API_KEYS_FILE)));
    const policy = await AccessPolicy.load(config.API_POLICY_FILE ?? DEFAULT_POLICY_FILE);
    const admin = await ensureAdminKey(keys, config.DATA_DIR);
    const reportKey = await ensureReportKey(keys, config.DATA_DIR);
    return { auth: { keys, policy, publicDashboard: config.PUBLIC_DASHBOARD }, admin, reportKey };
  } catch (error) {
    const reason = error instanceof AuthError ? error.message : (error as Error).message;
    throw new PlatformError('PLATFORM_ERR_AUTH', `Cannot set up API access control: ${reason}`, {
      cause: error,
    });
  }
}

export interface StartedHttp {
  readonly url: string;
  readonly admin: AdminKeyState;
  /** The viewer key the report renderer signs in with. */
  readonly reportKey: string;
}

export async function startHttp(
  view: PlatformView,
  config: Config,
  logger: Logger,
  closers: Closer[],
): Promise<StartedHttp> {
  const { auth, admin, reportKey } = await prepareAuth(config);
  // Checked by loadConfig already.
  const trustProxy = parseTrustProxy(config.TRUST_PROXY);
  const app: FastifyInstance = await buildApiApp(view, {
    logger: logger.child({ module: 'api' }),
    webDir: WEB_DIST_DIR,
    auth,
    security: {
      corsOrigins: config.CORS_ORIGINS === '' ? [] : config.CORS_ORIGINS.split(','),
      rateLimit: config.API_RATE_LIMIT,
      bodyLimit: config.API_BODY_LIMIT,
      trustProxy: trustProxy.ok ? trustProxy.value : false,
    },
  });
  closers.push(() => app.close());
  try {
    return { url: await listenApi(app, { host: config.HOST, port: config.PORT }), admin, reportKey };
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    throw new PlatformError(
      'PLATFORM_ERR_HTTP_PORT_IN_USE',
      `HTTP port ${config.PORT} is already in use: set PORT to a free port.`,
      { cause: error },
    );
  }
}
