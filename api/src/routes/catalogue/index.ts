import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CATALOGUE, CATALOGUE_VERSION } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';
import { CatalogueSchema } from '../../schemas/kpi.js';

const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '',
    {
      schema: {
        summary: 'All KPIs the platform can compute',
        description: 'The KPI catalogue (U4SSC, ISO 37120/37122); a plan may list any of these ids.',
        tags: ['plan'],
        response: { 200: CatalogueSchema, ...errorResponses() },
      },
    },
    async () => ({ version: CATALOGUE_VERSION, kpis: [...CATALOGUE] }),
  );
};

export default catalogueRoutes;
