import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformView } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';
import { HealthReportSchema } from '../../schemas/health.js';

const healthRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'Health of broker, store and ingest',
        description: 'HTTP 200 when status is ok, 503 with the same body when degraded (for load balancers).',
        tags: ['operations'],
        response: {
          200: HealthReportSchema,
          503: { ...HealthReportSchema, description: 'Degraded: the broker or the store is not working' },
          ...errorResponses(),
        },
      },
    },
    async (_request, reply) => {
      const report = await view.health();
      return reply.code(report.status === 'ok' ? 200 : 503).send(report);
    },
  );
};

export default healthRoutes;
