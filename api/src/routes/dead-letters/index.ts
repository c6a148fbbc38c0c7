import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformView } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';
import { DeadLetterListSchema, DeadLetterQuerySchema } from '../../schemas/sensor.js';

const deadLetterRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'Rejected messages, newest first',
        description:
          'Messages that could not be taken as data, with the reason (INGEST_ERR_*) and a payload excerpt.',
        tags: ['sensors'],
        querystring: DeadLetterQuerySchema,
        response: { 200: DeadLetterListSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { limit, sensorId } = request.query;
      const deadLetters = await view.deadLetters.list(
        sensorId === undefined ? { limit } : { limit, sensorId },
      );
      return { deadLetters };
    },
  );
};

export default deadLetterRoutes;
