import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import type { AccessPolicy } from './access-policy.js';
import { AuthError } from './auth-errors.js';
import type { ApiKeyStore } from './api-key-store.js';
import { roleAtLeast, type Role } from './roles.js';
import { SESSION_COOKIE, type SessionStore } from './session-store.js';

/** Who made a request: the API key it carried, directly or through a session. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
  readonly via: 'key' | 'session';
}

/** A registered route, as the onRoute hook saw it. */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every route registered after installAuth, each method separately (tests walk it). */
    readonly routeTable: readonly RouteEntry[];
  }
}

export interface AuthContext {
  readonly policy: AccessPolicy;
  readonly keys: ApiKeyStore;
  readonly sessions: SessionStore;
  /** GET routes the policy marks public are readable without sign-in. */
  readonly publicDashboard: boolean;
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

async function principalOf(request: FastifyRequest, auth: AuthContext): Promise<Principal | null> {
  const bearer = bearerOf(request);
  if (bearer !== undefined) {
    const record = await auth.keys.verify(bearer);
    return record === undefined
      ? null
      : { keyId: record.id, name: record.name, role: record.role, via: 'key' };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  const keyId = sessionId === undefined ? undefined : auth.sessions.keyIdOf(sessionId);
  // A revoked key ends its sessions at once: the key is looked up again on every request.
  const record = keyId === undefined ? undefined : await auth.keys.active(keyId);
  return record === undefined
    ? null
    : { keyId: record.id, name: record.name, role: record.role, via: 'session' };
}

const UNAUTHENTICATED =
  'This route needs an API key: send "Authorization: Bearer <key>" or sign in with POST /api/session.';

async function authorize(request: FastifyRequest, auth: AuthContext): Promise<void> {
  const url = request.routeOptions.url;
  // No route matched: the not-found handler answers, and reveals nothing a 401 would hide.
  if (url === undefined) return;
  request.principal = await principalOf(request, auth);
  const entry = auth.policy.entryFor(request.method, url);
  if (entry === undefined) {
    throw new ApiError('API_ERR_FORBIDDEN', `The access policy has no entry for ${request.method} ${url}.`);
  }
  if (entry.role === 'anyone') return;
  if (request.principal === null) {
    if (auth.publicDashboard && entry.public) return;
    throw new ApiError('API_ERR_UNAUTHENTICATED', UNAUTHENTICATED);
  }
  if (!roleAtLeast(request.principal.role, entry.role)) {
    throw new ApiError(
      'API_ERR_FORBIDDEN',
      `${request.method} ${url} needs the ${entry.role} role; this key has ${request.principal.role}.`,
    );
  }
}

/**
 * Checks every request against the access policy, and refuses to start with a route the policy does not
 * name (fail closed: a new route is unreachable until someone decides who may call it). The check is
 * added to each route after the rate limiter's hook, so floods of bad keys are rate limited too.
 */
export function installAuth(app: FastifyInstance, auth: AuthContext): void {
  app.decorateRequest('principal', null);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  const check = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await authorize(request, auth);
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
      throw error;
    }
  };
  const missing: string[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routeTable.push({ method, url: route.url });
      if (auth.policy.entryFor(method, route.url) === undefined) missing.push(`${method} ${route.url}`);
    }
    const existing = route.onRequest ?? [];
    route.onRequest = [...(Array.isArray(existing) ? existing : [existing]), check];
  });
  // Checked once every plugin has loaded, so ready() and listen() fail with the whole list.
  app.addHook('onReady', async () => {
    if (missing.length === 0) return;
    throw new AuthError(
      'AUTH_ERR_POLICY_MISSING_ROUTE',
      `The access policy has no entry for ${missing.join(', ')}: add them to the policy file.`,
    );
  });
}
