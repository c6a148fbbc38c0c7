import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { PlatformView } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';

/** The content type Prometheus expects for its text exposition format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const metricsRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Ingest and process metrics for Prometheus',
        description:
          'Counters of messages received, readings stored, messages rejected (by reason), redelivered, ' +
          'spooled and dropped; spool bytes and segments; Node process metrics. Prometheus text format.',
        tags: ['operations'],
        produces: ['text/plain'],
        response: { 200: Type.String({ description: 'Prometheus text format 0.0.4' }), ...errorResponses() },
      },
    },
    async (_request, reply) => reply.type(PROMETHEUS_CONTENT_TYPE).send(await view.metrics()),
  );
};

export default metricsRoutes;
