import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.js';
import { buildTestApp, recordingLogger, type LogRecord } from '../../testing/test-app.js';
import { installErrorHandling } from './error-handling.js';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the app error handler', () => {
  it('hides the cause of a 5xx from the client and logs it with the request', async () => {
    const records: LogRecord[] = [];
    const built = await buildTestApp({ logger: recordingLogger(records) });
    app = built.app;
    const secret = new Error('password=hunter2 in /srv/config');
    built.view.health = () => Promise.reject(secret);
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(500);
    const body = res.json<Record<string, unknown>>();
    expect(body).toEqual({
      statusCode: 500,
      error: 'API_ERR_INTERNAL',
      message: expect.stringContaining('reqId'),
    });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('stack');
    const logged = records.filter((r) => r.level === 'error').map((r) => r.args[0]);
    expect(logged).toContainEqual({ err: secret });
  });

  it('answers an unknown /api path with a JSON 404 naming it', async () => {
    app = (await buildTestApp()).app;
    const res = await app.inject('/api/nope?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'API_ERR_ROUTE_NOT_FOUND',
      message: expect.stringContaining('GET /api/nope.'),
    });
  });

  it('answers a method the API does not have with a JSON 404, also outside /api', async () => {
    app = (await buildTestApp()).app;
    for (const [method, url] of [
      ['POST', '/api/kpis'],
      ['DELETE', '/somewhere'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: 'API_ERR_ROUTE_NOT_FOUND' });
    }
  });

  it('names the bad field of a validation error', async () => {
    const built = await buildTestApp();
    app = built.app;
    const res = await built.inject('/api/dead-letters?limit=5000');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      error: 'API_ERR_VALIDATION',
      message: expect.stringContaining("querystring 'limit' must be <= 1000"),
    });
  });

  it('names a missing body property once', async () => {
    const built = await buildTestApp();
    app = built.app;
    const id = built.view.kpiList[0]?.id ?? 'env.air.pm25';
    const res = await built.inject({ method: 'PUT', url: `/api/plan/kpis/${id}`, payload: {} }, 'planner');
    expect(res.statusCode).toBe(400);
    const { message } = res.json<{ message: string }>();
    expect(message).toMatch(/^body '\w+' is required\. /);
    expect(message).not.toContain('property');
  });
});

describe('validation messages', () => {
  const schema = {
    body: {
      type: 'object',
      required: ['baseline'],
      additionalProperties: false,
      properties: {
        baseline: {
          type: 'object',
          required: ['value'],
          properties: { value: { type: 'number' }, horizon: { enum: ['short', 'long'] } },
        },
      },
    },
  };
  const SUFFIX = '. The parameters of every route are described at /docs.';
  const cases: Array<[string, unknown, string]> = [
    ['a missing property', {}, "body 'baseline' is required"],
    ['a missing nested property', { baseline: {} }, "body 'baseline.value' is required"],
    ['an unknown property', { baseline: { value: 1 }, extra: 1 }, "body 'extra' is not a known property"],
    ['a wrong type', { baseline: { value: 'x' } }, "body 'baseline.value' must be number"],
    [
      'a value outside an enum',
      { baseline: { value: 1, horizon: 'mid' } },
      "body 'baseline.horizon' must be equal to one of the allowed values: short, long",
    ],
    ['a wrong type at the root', [1], 'body must be object'],
  ];

  it.each(cases)('states %s once, naming the field', async (_kind, payload, expected) => {
    // Fastify strips unknown properties by default; keeping them shows the additionalProperties message.
    const instance = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false } } });
    installErrorHandling(instance, (_request, reply) => reply.code(404).send());
    instance.post('/check', { schema }, async () => ({ ok: true }));
    app = instance;
    const res = await instance.inject({ method: 'POST', url: '/check', payload: payload as object });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ statusCode: 400, error: 'API_ERR_VALIDATION', message: expected + SUFFIX });
  });
});

describe('installErrorHandling on a bare instance', () => {
  async function bare(): Promise<FastifyInstance> {
    const instance = Fastify({ logger: false });
    installErrorHandling(instance, (_request, reply) => reply.code(299).send('page'));
    instance.post('/echo', async (request) => request.body);
    instance.get('/teapot', async () => {
      throw Object.assign(new Error('Payload too large for this route'), { statusCode: 413 });
    });
    instance.get('/gone', async () => {
      throw new ApiError('API_ERR_SENSOR_NOT_FOUND', 'No reading was ever received from sensor x.');
    });
    app = instance;
    return instance;
  }

  it("passes Fastify's own client errors through with their status", async () => {
    const instance = await bare();
    const badJson = await instance.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ statusCode: 400, error: 'API_ERR_BAD_REQUEST' });
    const tooLarge = await instance.inject('/teapot');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toEqual({
      statusCode: 413,
      error: 'API_ERR_PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('API_BODY_LIMIT'),
    });
  });

  it('sends an ApiError with its catalogue status and code', async () => {
    const res = await (await bare()).inject('/gone');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'API_ERR_SENSOR_NOT_FOUND',
      message: 'No reading was ever received from sensor x.',
    });
  });

  it('hands GET and HEAD of pages to the page fallback, but never /api or /docs paths', async () => {
    const instance = await bare();
    expect((await instance.inject('/kpis/env.air.pm25')).statusCode).toBe(299);
    expect((await instance.inject({ method: 'HEAD', url: '/districts' })).statusCode).toBe(299);
    expect((await instance.inject('/api')).statusCode).toBe(404);
    expect((await instance.inject('/docs/missing')).statusCode).toBe(404);
    expect((await instance.inject('/apiary')).statusCode).toBe(299);
  });
});
