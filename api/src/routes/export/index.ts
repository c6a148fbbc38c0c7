import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { u4sscCsv, type PlatformView } from '@ssc-monitor/core';
import { errorResponses } from '../../schemas/common.js';

const exportRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.get(
    '/u4ssc',
    {
      schema: {
        summary: 'The KPI table as CSV for U4SSC reporting',
        description:
          'One row per plan KPI: code, reference, value, unit, year, data quality, source, baseline, next target and status.',
        tags: ['kpis'],
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'RFC 4180 CSV' }), ...errorResponses() },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="u4ssc-kpis.csv"')
        .send(u4sscCsv(view.plan, view.kpis(), (id) => view.kpiDefinition(id))),
  );
};

export default exportRoutes;
