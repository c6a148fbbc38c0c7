import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock, KpiSnapshot, PlatformView } from '@ssc-monitor/core';
import { ApiError } from '../../errors.js';
import { errorResponses } from '../../schemas/common.js';
import { KpiDetailSchema, KpiIdParamsSchema, KpiListSchema } from '../../schemas/kpi.js';
import { MeasureQuerySchema, MeasurementSchema } from '../../schemas/measure.js';
import { SeriesQuerySchema, SeriesSchema } from '../../schemas/series.js';
import { resolveSeriesQuery } from './series-query.js';

export interface KpiRouteOptions {
  readonly view: PlatformView;
  readonly clock: Clock;
}

function requireKpi(view: PlatformView, id: string): KpiSnapshot {
  const kpi = view.kpi(id);
  if (kpi !== undefined) return kpi;
  const hint =
    view.kpiDefinition(id) === undefined
      ? 'is not a KPI id; GET /api/catalogue lists every KPI the platform knows'
      : 'is in the catalogue but not in the master plan; add it to the plan file to monitor it';
  throw new ApiError(
    'API_ERR_KPI_NOT_FOUND',
    `KPI '${id}' ${hint}. GET /api/kpis lists the KPIs of the plan.`,
  );
}

const kpiRoutes: FastifyPluginAsyncTypebox<KpiRouteOptions> = async (app, { view, clock }) => {
  app.get(
    '',
    {
      schema: {
        summary: 'All KPIs of the plan, now',
        description: 'Current value, baseline, targets, progress and status of every KPI in the master plan.',
        tags: ['kpis'],
        response: { 200: KpiListSchema, ...errorResponses() },
      },
    },
    async () => ({ kpis: view.kpis() }),
  );

  app.get(
    '/:id',
    {
      schema: {
        summary: 'One KPI with its definition',
        tags: ['kpis'],
        params: KpiIdParamsSchema,
        response: { 200: KpiDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const kpi = requireKpi(view, request.params.id);
      const definition = view.kpiDefinition(kpi.id);
      if (definition === undefined) throw new Error(`KPI '${kpi.id}' is in the plan but has no definition`);
      return { kpi, definition, trend: await view.kpiTrend(kpi.id) };
    },
  );

  app.get(
    '/:id/series',
    {
      schema: {
        summary: 'History of one KPI',
        description:
          'KPI values at evenly spaced times, each over the KPI window ending then. ' +
          'At most 5000 points: widen `every` or shorten the range for more.',
        tags: ['kpis'],
        params: KpiIdParamsSchema,
        querystring: SeriesQuerySchema,
        response: { 200: SeriesSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const kpi = requireKpi(view, request.params.id);
      const query = resolveSeriesQuery(request.query, clock.now());
      const points = await view.kpiSeries(kpi.id, query);
      return { kpiId: kpi.id, ...query, points };
    },
  );

  app.get(
    '/:id/measure',
    {
      schema: {
        summary: 'Measure one KPI from stored data over a calendar period',
        description:
          'The KPI computed from the readings of a period (by default its baseline period), with data coverage ' +
          'and lineage: which sensors, how many readings, which formula and catalogue version.',
        tags: ['kpis'],
        params: KpiIdParamsSchema,
        querystring: MeasureQuerySchema,
        response: { 200: MeasurementSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const kpi = requireKpi(view, request.params.id);
      const from = request.query.from ?? kpi.baseline.period.from;
      const to = request.query.to ?? kpi.baseline.period.to;
      if (from > to)
        throw new ApiError('API_ERR_EMPTY_RANGE', `from ${from} is after to ${to}: give from ≤ to.`);
      const measurement = await view.measureKpi(kpi.id, { from, to });
      if (measurement === undefined) throw new Error(`KPI '${kpi.id}' is in the plan but cannot be measured`);
      return { kpiId: kpi.id, ...measurement };
    },
  );
};

export default kpiRoutes;
