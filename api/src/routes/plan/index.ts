import { isDeepStrictEqual } from 'node:util';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { formatPlanIssues, validatePlan, type Plan, type PlatformView } from '@ssc-monitor/core';
import { ApiError } from '../../errors.js';
import baselineRoutes from './baseline-routes.js';
import { errorResponses } from '../../schemas/common.js';
import {
  PlanChangeSchema,
  PlanKpiBodySchema,
  PlanResponseSchema,
  PlanVersionSchema,
} from '../../schemas/plan.js';

const ChangeHeaders = Type.Object({
  'x-author': Type.Optional(
    Type.String({ maxLength: 200, description: 'Who makes the change (recorded in the history)' }),
  ),
  'x-change-note': Type.Optional(
    Type.String({ maxLength: 500, description: 'Why (recorded in the history)' }),
  ),
});

const KpiParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1 }) });

/** Validates a candidate plan; every issue is reported in one 400. */
function checked(candidate: unknown): Plan {
  const result = validatePlan(candidate);
  if (result.ok) return result.plan;
  throw new ApiError(
    'API_ERR_PLAN_INVALID',
    `The plan has ${result.issues.length} issue(s):\n${formatPlanIssues('plan', result.issues)}`,
  );
}

/** Without an X-Author header, the change is recorded under the name of the key that made it. */
function changeOf(request: FastifyRequest<{ Headers: Static<typeof ChangeHeaders> }>, fallbackNote: string) {
  const { headers } = request;
  const author = headers['x-author'] ?? request.principal?.name ?? 'anonymous';
  return { author, note: headers['x-change-note'] ?? fallbackNote };
}

const planRoutes: FastifyPluginAsyncTypebox<{ view: PlatformView }> = async (app, { view }) => {
  await app.register(baselineRoutes, { view });
  app.get(
    '',
    {
      schema: {
        summary: 'The master plan in force',
        description:
          'The newest version of the plan: city, districts, sensors, KPIs with baselines and targets.',
        tags: ['plan'],
        response: { 200: PlanResponseSchema, ...errorResponses() },
      },
    },
    async (_request, reply) => reply.header('x-plan-version', String(view.planVersion)).send(view.plan),
  );

  app.put(
    '',
    {
      schema: {
        summary: 'Replace the whole plan (a new version)',
        description:
          'Validated as a whole; on success it is saved as a new version, the previous one is kept, and KPIs are recomputed under it.',
        tags: ['plan'],
        headers: ChangeHeaders,
        body: Type.Unknown({ description: 'The plan, as GET /api/plan returns it' }),
        response: { 200: PlanChangeSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const saved = await view.updatePlan(checked(request.body), changeOf(request, 'plan replaced'));
      return { version: saved.version, author: saved.author, at: saved.at, note: saved.note };
    },
  );

  app.put(
    '/kpis/:id',
    {
      schema: {
        summary: "Set one KPI's baseline, targets and scope (a new plan version)",
        description: 'Adds the KPI to the plan when it is not in it yet (it must be a catalogue KPI).',
        tags: ['plan'],
        params: KpiParams,
        headers: ChangeHeaders,
        body: PlanKpiBodySchema,
        response: { 200: PlanChangeSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const entry = { ...request.body, id: request.params.id };
      const current = view.plan.kpis.find((k) => k.id === entry.id);
      if (current?.baseline.frozen !== undefined && !isDeepStrictEqual(entry.baseline, current.baseline))
        throw new ApiError(
          'API_ERR_BASELINE_FROZEN',
          `The baseline of ${entry.id} is frozen; send it unchanged, or unfreeze it first (DELETE /api/plan/kpis/${entry.id}/baseline/freeze).`,
        );
      const others = view.plan.kpis.filter((k) => k.id !== entry.id);
      const exists = others.length !== view.plan.kpis.length;
      const kpis = exists ? view.plan.kpis.map((k) => (k.id === entry.id ? entry : k)) : [...others, entry];
      const change = changeOf(request, `${exists ? 'changed' : 'added'} KPI ${entry.id}`);
      const saved = await view.updatePlan(checked({ ...view.plan, kpis }), change);
      return { version: saved.version, author: saved.author, at: saved.at, note: saved.note };
    },
  );

  app.get(
    '/history',
    {
      schema: {
        summary: 'Every version of the plan, newest first',
        tags: ['plan'],
        response: { 200: Type.Object({ versions: Type.Array(PlanChangeSchema) }), ...errorResponses() },
      },
    },
    async () => ({ versions: await view.planHistory() }),
  );

  app.get(
    '/versions/:version',
    {
      schema: {
        summary: 'One earlier version of the plan',
        tags: ['plan'],
        params: VersionParams,
        response: { 200: PlanVersionSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const version = await view.planAt(request.params.version);
      if (version === undefined)
        throw new ApiError(
          'API_ERR_PLAN_VERSION_NOT_FOUND',
          `There is no plan version ${request.params.version}; GET /api/plan/history lists them.`,
        );
      return version;
    },
  );
};

export default planRoutes;
