import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../auth/authenticate.js';
import { SESSION_COOKIE } from '../../auth/session-store.js';
import { ApiError } from '../../errors.js';
import { errorResponses } from '../../schemas/common.js';
import { SessionSchema, SignInSchema } from '../../schemas/session.js';

export interface SessionRouteOptions {
  readonly auth: AuthContext;
  /** Sign-in attempts per client per minute: keys are not guessable, but logs stay readable. */
  readonly signInPerMinute: number;
}

function whoAmI(request: FastifyRequest, auth: AuthContext) {
  const principal = request.principal;
  const common = { publicDashboard: auth.publicDashboard };
  if (principal === null) return { ...common, authenticated: false };
  return { ...common, authenticated: true, role: principal.role, name: principal.name, via: principal.via };
}

function clearCookie(reply: FastifyReply): FastifyReply {
  return reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' });
}

/** Sign in with an API key for an HttpOnly cookie the dashboard and its EventSource then carry. */
const sessionRoutes: FastifyPluginAsyncTypebox<SessionRouteOptions> = async (app, options) => {
  const { auth } = options;
  app.get(
    '',
    {
      schema: {
        summary: 'Who am I',
        description: 'The role and name of the key or session that came with the request, if any.',
        tags: ['session'],
        response: { 200: SessionSchema, ...errorResponses() },
      },
    },
    async (request) => whoAmI(request, auth),
  );

  app.post(
    '',
    {
      config: { rateLimit: { max: options.signInPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Sign in with an API key',
        description:
          'Sets an HttpOnly, SameSite=Strict session cookie; the key itself is never stored in the browser.',
        tags: ['session'],
        body: SignInSchema,
        response: { 200: SessionSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const record = await auth.keys.verify(request.body.key);
      if (record === undefined) {
        request.log.warn({ ip: request.ip }, 'sign-in with an unknown or revoked key');
        throw new ApiError('API_ERR_UNAUTHENTICATED', 'This key is unknown or revoked.');
      }
      const session = auth.sessions.open(record.id);
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: 'auto',
        maxAge: session.maxAgeSeconds,
      });
      const role = record.role;
      return {
        authenticated: true,
        role,
        name: record.name,
        via: 'session' as const,
        publicDashboard: auth.publicDashboard,
      };
    },
  );

  app.delete(
    '',
    {
      schema: {
        summary: 'Sign out',
        description: 'Ends the session of the cookie, if any, and clears the cookie.',
        tags: ['session'],
        response: { 200: SessionSchema, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE];
      if (id !== undefined) auth.sessions.close(id);
      return clearCookie(reply).send({ authenticated: false, publicDashboard: auth.publicDashboard });
    },
  );
};

export default sessionRoutes;
