import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { validatePlan, type PlanKpi, type PlatformView } from '@ssc-monitor/core';
import { ApiError } from '../../errors.js';
import { errorResponses } from '../../schemas/common.js';
import { PlanChangeSchema } from '../../schemas/plan.js';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const Headers = Type.Object({ 'x-author': Type.Optional(Type.String({ maxLength: 200 })) });
const Query = Type.Object({
  force: Type.Optional(
    Type.Boolean({ description: 'Freeze even when the data coverage is below the KPI rule' }),
  ),
});

function planKpi(view: PlatformView, id: string): PlanKpi {
  const entry = view.plan.kpis.find((k) => k.id === id);
  if (entry === undefined)
    throw new ApiError(
      'API_ERR_KPI_NOT_FOUND',
      `KPI '${id}' is not in the plan; GET /api/plan lists its KPIs.`,
    );
  return entry;
}

/**
 * Phase 1 of the master plan: a planner freezes a KPI's baseline measured from data. The value and
 * its lineage (period, sensors, readings, coverage, formula, catalogue version) are written into the
 * plan as a new version, so no later import or catalogue change can alter it silently.
 */
const baselineRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  app.post(
    '/kpis/:id/baseline/freeze',
    {
      schema: {
        summary: "Measure a KPI's baseline from data over its baseline period and freeze it",
        tags: ['plan'],
        params: Params,
        headers: Headers,
        querystring: Query,
        response: { 200: PlanChangeSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const entry = planKpi(view, request.params.id);
      const measured = await view.measureKpi(entry.id, entry.baseline.period);
      if (measured === undefined || measured.value === null)
        throw new ApiError(
          'API_ERR_BASELINE_NO_DATA',
          `No data for ${entry.id} from ${entry.baseline.period.from} to ${entry.baseline.period.to}: import it first (npm run import).`,
        );
      if (!measured.sufficient && request.query.force !== true)
        throw new ApiError(
          'API_ERR_BASELINE_NO_DATA',
          `Only ${Math.round(measured.coverage * 100)} % of the baseline period has data, below the KPI's coverage rule; add data, or freeze anyway with ?force=true.`,
        );
      const by = request.headers['x-author'] ?? request.principal?.name ?? 'anonymous';
      const frozen = {
        at: Date.now(),
        by,
        value: measured.value,
        coverage: measured.coverage,
        readings: measured.readings,
        sensors: measured.sensors,
        from: measured.from,
        to: measured.to,
        timeZone: measured.timeZone,
        formula: measured.formula,
        catalogueVersion: measured.catalogueVersion,
      };
      const baseline = {
        ...entry.baseline,
        value: measured.value,
        dataQuality: 'accurate_measurement' as const,
        source: `measured from ${measured.readings} readings of ${measured.sensors.length} sensors`,
        frozen,
      };
      const result = validatePlan({
        ...view.plan,
        kpis: view.plan.kpis.map((k) => (k.id === entry.id ? { ...k, baseline } : k)),
      });
      if (!result.ok)
        throw new ApiError(
          'API_ERR_PLAN_INVALID',
          result.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        );
      const saved = await view.updatePlan(result.plan, {
        author: by,
        note: `froze the baseline of ${entry.id} at ${measured.value}`,
      });
      return { version: saved.version, author: saved.author, at: saved.at, note: saved.note };
    },
  );

  app.delete(
    '/kpis/:id/baseline/freeze',
    {
      schema: {
        summary: "Unfreeze a KPI's baseline (recorded as a plan change)",
        tags: ['plan'],
        params: Params,
        headers: Headers,
        response: { 200: PlanChangeSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const entry = planKpi(view, request.params.id);
      if (entry.baseline.frozen === undefined)
        throw new ApiError('API_ERR_BASELINE_FROZEN', `The baseline of ${entry.id} is not frozen.`);
      const { frozen: _frozen, ...baseline } = entry.baseline;
      const plan = {
        ...view.plan,
        kpis: view.plan.kpis.map((k) => (k.id === entry.id ? { ...k, baseline } : k)),
      };
      const saved = await view.updatePlan(plan, {
        author: request.headers['x-author'] ?? request.principal?.name ?? 'anonymous',
        note: `unfroze the baseline of ${entry.id}`,
      });
      return { version: saved.version, author: saved.author, at: saved.at, note: saved.note };
    },
  );
};

export default baselineRoutes;
