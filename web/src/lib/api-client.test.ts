import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl, getJson } from './api-client';
import { envelopeOf, isString } from './guards';

const isNames = envelopeOf('names', isString);

function fakeFetch(respond: () => Response | Promise<Response>): typeof fetch {
  return () => Promise.resolve(respond());
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiUrl', () => {
  it('joins the base, path and defined query parameters', () => {
    expect(apiUrl('/kpis/a.b/series', { from: 1, every: '1h', to: undefined })).toBe(
      '/api/kpis/a.b/series?from=1&every=1h',
    );
    expect(apiUrl('/kpis')).toBe('/api/kpis');
  });
});

describe('getJson', () => {
  it('returns a body of the expected shape', async () => {
    const body = await getJson('/names', isNames, { fetchImpl: fakeFetch(() => json({ names: ['a'] })) });
    expect(body.names).toEqual(['a']);
  });

  it('reports an unreachable API with a message a person can act on', async () => {
    const error = await failure(
      getJson('/kpis', isNames, { fetchImpl: () => Promise.reject(new TypeError('Failed to fetch')) }),
    );
    expect(error.code).toBe('WEB_ERR_UNREACHABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Cannot reach the API at /api');
  });

  it('distinguishes 404, 5xx and other statuses, keeping the server message', async () => {
    const notFound = await failure(
      getJson('/kpis/x', isNames, { fetchImpl: fakeFetch(() => json({ message: 'no such KPI' }, 404)) }),
    );
    expect([notFound.code, notFound.status, notFound.retryable]).toEqual(['WEB_ERR_NOT_FOUND', 404, false]);
    expect(notFound.message).toContain('no such KPI');

    const down = await failure(
      getJson('/kpis', isNames, { fetchImpl: fakeFetch(() => new Response('', { status: 503 })) }),
    );
    expect([down.code, down.status, down.retryable]).toEqual(['WEB_ERR_HTTP', 503, true]);

    const refused = await failure(getJson('/kpis', isNames, { fetchImpl: fakeFetch(() => json({}, 400)) }));
    expect([refused.code, refused.retryable]).toEqual(['WEB_ERR_HTTP', false]);
  });

  it('rejects bodies that are not JSON or not the expected shape', async () => {
    const html = await failure(
      getJson('/kpis', isNames, {
        fetchImpl: fakeFetch(() => new Response('<!doctype html>', { status: 200 })),
      }),
    );
    expect(html.code).toBe('WEB_ERR_BAD_RESPONSE');
    const wrong = await failure(
      getJson('/kpis', isNames, { fetchImpl: fakeFetch(() => json({ names: [1] })) }),
    );
    expect(wrong.code).toBe('WEB_ERR_BAD_RESPONSE');
  });
});
