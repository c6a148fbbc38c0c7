import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors.js';
import type { TrustProxy } from './trust-proxy.js';

export interface SecurityOptions {
  /**
   * Origins allowed to call the API from another site (CORS), e.g. `https://city.example`.
   * @defaultValue none: only the dashboard served by this app, which is same-origin
   */
  readonly corsOrigins: readonly string[];
  /**
   * Requests per client (IP) per `rateWindowMs`, over all routes.
   * @defaultValue 1200 (a wall screen's polling plus several people on one NAT)
   */
  readonly rateLimit: number;
  /** @defaultValue 60000 */
  readonly rateWindowMs: number;
  /**
   * Sign-in attempts (POST /api/session) per client per minute.
   * @defaultValue 10
   */
  readonly signInPerMinute: number;
  /**
   * Largest request body in bytes; larger ones get 413.
   * @defaultValue 1 MiB (a large plan is about 100 KiB)
   */
  readonly bodyLimit: number;
  /**
   * Proxies trusted to name the client in `X-Forwarded-For`, so that rate limits and logs use the
   * client's address rather than the proxy's. Only set it behind a proxy that overwrites the header:
   * otherwise any client could pick the address it is limited under.
   * @defaultValue false (the socket's address is the client's)
   */
  readonly trustProxy: TrustProxy;
}

export const DEFAULT_SECURITY_OPTIONS: SecurityOptions = {
  corsOrigins: [],
  rateLimit: 1200,
  rateWindowMs: 60_000,
  signInPerMinute: 10,
  bodyLimit: 1_048_576,
  trustProxy: false,
};

/**
 * Same-origin only: the dashboard's bundle, its charts and Swagger UI load from this server.
 * ECharts and Swagger UI set inline styles, hence 'unsafe-inline' for styles (never for scripts);
 * ECharts' PNG export and Swagger's icons use data: and blob: images.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Security headers, cookies, CORS and rate limits; registered before any route so every route gets them. */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  await app.register(cookie);
  // Registered before the access policy is installed: the CORS preflight route (OPTIONS *) answers
  // only with CORS headers, never data, so it needs no policy entry.
  if (options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...options.corsOrigins],
      methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-author', 'x-change-note'],
      // Cross-site callers use API keys; the session cookie is SameSite=Strict and stays first-party.
      credentials: false,
    });
  }
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimit,
    timeWindow: options.rateWindowMs,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        'API_ERR_RATE_LIMITED',
        `Too many requests: at most ${context.max} per ${context.after}. Retry after the Retry-After header's seconds.`,
      ),
  });
}
