import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ReportError, type ReportSource } from '@ssc-monitor/core';
import { ApiError } from '../../errors.js';
import { errorResponses } from '../../schemas/common.js';
import { ArchivedReportSchema, ReportListingSchema } from '../../schemas/report.js';

const FileParams = Type.Object({
  file: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*\\.pdf$', description: 'Archive file name' }),
});
const IdParams = Type.Object({
  id: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
    description: 'Report id of the plan, or "progress"',
  }),
});

/** Report failures as API errors: an unknown report is a 404, anything else the renderer's 503. */
function asApiError(error: unknown): unknown {
  if (!(error instanceof ReportError)) return error;
  return error.code === 'REPORT_ERR_UNKNOWN_REPORT'
    ? new ApiError('API_ERR_REPORT_NOT_FOUND', error.message, { cause: error })
    : new ApiError('API_ERR_REPORT_FAILED', `${error.code}: ${error.message}`, { cause: error });
}

const reportRoutes: FastifyPluginAsyncTypebox<{ view: { reports: ReportSource } }> = async (
  app,
  { view },
) => {
  app.get(
    '',
    {
      schema: {
        summary: 'Scheduled reports and the archive of rendered PDFs',
        description:
          'Each report of the plan with its schedule, next run and latest failure (plus the on-demand "progress" report), and every archived PDF with when it was rendered, the plan version and its size.',
        tags: ['reports'],
        response: { 200: ReportListingSchema, ...errorResponses() },
      },
    },
    () => view.reports.list(),
  );

  app.get(
    '/files/:file',
    {
      schema: {
        summary: 'Download an archived report (PDF)',
        tags: ['reports'],
        produces: ['application/pdf'],
        params: FileParams,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The PDF' }),
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const found = await view.reports.read(request.params.file);
      if (found === undefined)
        throw new ApiError('API_ERR_REPORT_NOT_FOUND', `no archived report '${request.params.file}'`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${found.report.file}"`)
        .header('x-plan-version', String(found.report.planVersion))
        .send(Buffer.from(found.bytes));
    },
  );

  app.post(
    '/:id/render',
    {
      schema: {
        summary: 'Render a report now',
        description:
          'Prints the report page to PDF with headless Chromium through the report job queue, archives it and answers with the archived report when done (usually a few seconds).',
        tags: ['reports'],
        params: IdParams,
        response: { 200: ArchivedReportSchema, ...errorResponses(404, 503) },
      },
    },
    async (request) => {
      try {
        return await view.reports.renderNow(request.params.id);
      } catch (error) {
        throw asApiError(error);
      }
    },
  );
};

export default reportRoutes;
