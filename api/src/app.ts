import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SYSTEM_CLOCK, type Clock, type PlatformView } from '@ssc-monitor/core';
import { DEFAULT_LIVE_STREAM_OPTIONS, type LiveStreamOptions } from './live/sse-connection.js';
import { AccessPolicy } from './auth/access-policy.js';
import type { ApiKeyStore } from './auth/api-key-store.js';
import { installAuth, type AuthContext } from './auth/authenticate.js';
import { DEFAULT_SESSION_OPTIONS, SessionStore, type SessionOptions } from './auth/session-store.js';
import { installErrorHandling } from './plugins/app/error-handling.js';
import {
  DEFAULT_SECURITY_OPTIONS,
  registerSecurity,
  type SecurityOptions,
} from './plugins/external/security.js';
import { registerDashboard } from './plugins/external/static.js';
import { registerSwagger } from './plugins/external/swagger.js';
import catalogueRoutes from './routes/catalogue/index.js';
import deadLetterRoutes from './routes/dead-letters/index.js';
import exportRoutes from './routes/export/index.js';
import feedRoutes from './routes/feeds/index.js';
import healthRoutes from './routes/health/index.js';
import keyRoutes from './routes/keys/index.js';
import sessionRoutes from './routes/session/index.js';
import kpiRoutes from './routes/kpis/index.js';
import metricsRoutes from './routes/metrics/index.js';
import planRoutes from './routes/plan/index.js';
import reportRoutes from './routes/reports/index.js';
import sensorRoutes from './routes/sensors/index.js';
import streamRoutes from './routes/stream/index.js';

export interface ApiAppOptions {
  /** A pino (or other Fastify-compatible) logger to share, true for Fastify's default logger, false for none. */
  readonly logger: FastifyBaseLogger | boolean;
  /** Folder of the built dashboard (web/dist). Without an index.html there, GET / says how to build it. */
  readonly webDir?: string;
  /**
   * Time source for the default range of KPI series.
   * @defaultValue SYSTEM_CLOCK
   */
  readonly clock?: Clock;
  /**
   * Tuning of GET /api/stream.
   * @defaultValue DEFAULT_LIVE_STREAM_OPTIONS
   */
  readonly live?: Partial<LiveStreamOptions>;
  /** Who may call what; see docs/security.md. */
  readonly auth: ApiAuthOptions;
  /**
   * Headers, CORS, rate and body limits.
   * @defaultValue DEFAULT_SECURITY_OPTIONS
   */
  readonly security?: Partial<SecurityOptions>;
}

export interface ApiAuthOptions {
  readonly keys: ApiKeyStore;
  /**
   * Minimum role per route.
   * @defaultValue the shipped api/policy.yaml
   */
  readonly policy?: AccessPolicy;
  /**
   * Let anyone read the GET routes the policy marks public (a citizen dashboard).
   * @defaultValue false
   */
  readonly publicDashboard?: boolean;
  /** @defaultValue DEFAULT_SESSION_OPTIONS */
  readonly sessions?: Partial<SessionOptions>;
}

interface RouteOptions {
  readonly view: PlatformView;
  readonly clock: Clock;
  readonly live: LiveStreamOptions;
  readonly auth: AuthContext;
  readonly signInPerMinute: number;
}

/** Every /api route, one plugin per resource. */
const apiRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, options) => {
  const { view, clock, live, auth } = options;
  await app.register(healthRoutes, { prefix: '/health', view });
  await app.register(sessionRoutes, { prefix: '/session', auth, signInPerMinute: options.signInPerMinute });
  await app.register(keyRoutes, { prefix: '/keys', keys: auth.keys });
  await app.register(kpiRoutes, { prefix: '/kpis', view, clock });
  await app.register(sensorRoutes, { prefix: '/sensors', view });
  await app.register(deadLetterRoutes, { prefix: '/dead-letters', view });
  await app.register(feedRoutes, { prefix: '/feeds', view });
  await app.register(exportRoutes, { prefix: '/export', view });
  await app.register(planRoutes, { prefix: '/plan', view });
  await app.register(reportRoutes, { prefix: '/reports', view });
  await app.register(catalogueRoutes, { prefix: '/catalogue' });
  await app.register(streamRoutes, { prefix: '/stream', view, live, auth });
};

function serverOptions(logger: ApiAppOptions['logger'], security: SecurityOptions): FastifyServerOptions {
  // Fastify 5 takes a ready-made logger only as `loggerInstance`.
  // A wall screen polls and streams all day: per-request logs would drown everything else.
  // Failures are still logged by the error handler.
  const common = {
    bodyLimit: security.bodyLimit,
    // request.ip, which the rate limiter keys on and logs show, follows X-Forwarded-For only from these.
    trustProxy: typeof security.trustProxy === 'boolean' ? security.trustProxy : [...security.trustProxy],
    logController: new LogController({ disableRequestLogging: true }),
  };
  return typeof logger === 'boolean' ? { ...common, logger } : { ...common, loggerInstance: logger };
}

/**
 * Builds the HTTP app over a platform view: REST routes under /api, the live stream, OpenAPI at /docs
 * and the dashboard at /. Not listening; see listenApi.
 */
export async function buildApiApp(view: PlatformView, options: ApiAppOptions): Promise<FastifyInstance> {
  const security = { ...DEFAULT_SECURITY_OPTIONS, ...options.security };
  const clock = options.clock ?? SYSTEM_CLOCK;
  const auth: AuthContext = {
    keys: options.auth.keys,
    policy: options.auth.policy ?? (await AccessPolicy.load()),
    sessions: new SessionStore(clock, { ...DEFAULT_SESSION_OPTIONS, ...options.auth.sessions }),
    publicDashboard: options.auth.publicDashboard ?? false,
  };
  const app = Fastify(serverOptions(options.logger, security)).withTypeProvider<TypeBoxTypeProvider>();
  // Order matters: the rate limiter's per-route hook runs before the policy check added by installAuth,
  // and both must be in place before the first route (Swagger UI's included) is registered.
  await registerSecurity(app, security);
  installAuth(app, auth);
  await registerSwagger(app);
  const pageFallback = await registerDashboard(app, options.webDir);
  installErrorHandling(app, pageFallback);
  // At the root, where Prometheus scrapers look by default.
  await app.register(metricsRoutes, { view });
  await app.register(apiRoutes, {
    prefix: '/api',
    view,
    clock,
    live: { ...DEFAULT_LIVE_STREAM_OPTIONS, ...options.live },
    auth,
    signInPerMinute: security.signInPerMinute,
  });
  return app;
}
