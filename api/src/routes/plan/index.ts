import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformView } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';
import { PlanResponseSchema } from '../../schemas/plan.js';

const planRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'The master plan',
        description: 'The plan the platform monitors, as loaded at start-up (PLAN_FILE).',
        tags: ['plan'],
        response: { 200: PlanResponseSchema, ...errorResponses() },
      },
    },
    async () => view.plan,
  );
};

export default planRoutes;
