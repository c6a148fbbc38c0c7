import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FeedStatusSource } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';
import { FeedListSchema } from '../../schemas/feed.js';

const feedRoutes: FastifyPluginAsyncTypebox<{ view: FeedStatusSource }> = async (app, { view }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'Open-data feeds and their pulls',
        description:
          'Every feed of the plan: last run, last success, last error (FEED_ERR_*), next run and the latest attempts with their row counts and refused rows.',
        tags: ['operations'],
        response: { 200: FeedListSchema, ...errorResponses() },
      },
    },
    async () => ({ feeds: await view.feeds() }),
  );
};

export default feedRoutes;
