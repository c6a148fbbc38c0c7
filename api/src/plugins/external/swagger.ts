import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const DOCS_PREFIX = '/docs';

const API_DESCRIPTION =
  'Monitoring of a smart sustainable city master plan: KPIs against baseline and targets, sensors, ' +
  'rejected messages, and a live Server-Sent Events stream. Errors are `{ statusCode, error, message }` ' +
  'where `error` is a stable API_ERR_* code.';

/** Registers the OpenAPI generator and Swagger UI; must run before any route so that every route is seen. */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ssc-monitor API', version: '1', description: API_DESCRIPTION },
      tags: [
        { name: 'kpis', description: 'KPIs of the master plan, now and over time' },
        { name: 'sensors', description: 'Sensors and their rejected messages' },
        { name: 'plan', description: 'The master plan and the KPI catalogue' },
        { name: 'live', description: 'Server-Sent Events' },
        { name: 'operations', description: 'Health' },
        { name: 'session', description: 'Sign-in and API keys (roles: viewer < operator < planner < admin)' },
      ],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer ssc_…' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ssc_session',
            description: 'Set by POST /api/session',
          },
        },
      },
      // Each route's least role is in the access policy (api/policy.yaml); GET /api/health needs none.
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
}
