import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenApi } from '../server.js';
import { bearer, buildTestApp, type TestApp } from '../testing/test-app.js';
import { AccessPolicy } from './access-policy.js';
import { ROLES, roleAtLeast, type Role } from './roles.js';

/** Every route of the real app, enumerated from Fastify's route table, against every role. */
let api: TestApp;
let policy: AccessPolicy;
let baseUrl: string;

beforeAll(async () => {
  policy = await AccessPolicy.load();
  // Generous limits: this file makes a few hundred requests from one address.
  api = await buildTestApp({ security: { rateLimit: 100_000 } });
  baseUrl = await listenApi(api.app, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await api.app.close();
});

const PARAMS: Record<string, string> = { ':id': 'env.air.pm25', ':version': '1', '*': 'index.html' };

function concrete(url: string): string {
  const sensorId = api.view.sensorList[0]?.id ?? 'none';
  const withSensor = url.startsWith('/api/sensors/') ? url.replace(':id', sensorId) : url;
  return withSensor.replace(/:id|:version|\*/g, (param) => PARAMS[param] ?? param);
}

/** A request that would succeed if allowed: writes carry a valid body. */
function requestFor(method: string, url: string): InjectOptions {
  const request: InjectOptions = { method: method as InjectOptions['method'], url: concrete(url) };
  if (method === 'PUT' && url === '/api/plan') return { ...request, payload: api.view.plan };
  if (method === 'PUT' && url === '/api/plan/kpis/:id')
    return {
      ...request,
      payload: {
        baseline: { value: 18, period: { from: '2024-01-01', to: '2024-12-31' } },
        targets: [{ horizon: 'short', date: '2027-12-31', value: 12 }],
      },
    };
  return request;
}

/** Status of a request; the SSE stream never ends, so it is opened over a socket and dropped. */
async function statusOf(request: InjectOptions, key: string | undefined): Promise<number> {
  const headers = key === undefined ? {} : bearer(key);
  if (request.url === '/api/stream') {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/stream`, { headers, signal: controller.signal });
    controller.abort();
    return response.status;
  }
  return (await api.app.inject({ ...request, headers })).statusCode;
}

const isWrite = (method: string) => !['GET', 'HEAD'].includes(method);

describe('the route-by-role matrix', () => {
  it('finds every route of the app in the route table, each named by the policy', () => {
    const urls = new Set(api.app.routeTable.map((r) => r.url));
    for (const expected of ['/api/kpis', '/api/plan', '/api/stream', '/api/session', '/docs/json'])
      expect(urls).toContain(expected);
    for (const route of api.app.routeTable)
      expect(policy.entryFor(route.method, route.url), `${route.method} ${route.url}`).toBeDefined();
  });

  it('answers 401 without credentials on every route that needs a role', async () => {
    for (const route of api.app.routeTable) {
      const entry = policy.entryFor(route.method, route.url);
      const status = await statusOf(requestFor(route.method, route.url), undefined);
      const label = `${route.method} ${route.url} → ${status}`;
      if (entry?.role === 'anyone') expect([401, 403], label).not.toContain(status);
      else expect(status, label).toBe(401);
    }
  });

  it('answers 401 to an unknown key, not 403', async () => {
    const res = await api.app.inject({ url: '/api/kpis', headers: bearer('ssc_not-a-real-key') });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  for (const role of ROLES) {
    it(`lets ${role} call exactly the routes at or below its role, with no side effect when denied`, async () => {
      for (const route of api.app.routeTable) {
        const entry = policy.entryFor(route.method, route.url);
        const required: Role | 'anyone' = entry?.role ?? 'admin';
        const allowed = required === 'anyone' || roleAtLeast(role, required);
        const versionBefore = api.view.planVersion;
        const status = await statusOf(requestFor(route.method, route.url), api.keyFor[role]);
        const label = `${role}: ${route.method} ${route.url} → ${status}`;
        if (allowed) {
          expect([401, 403], label).not.toContain(status);
        } else {
          expect(status, label).toBe(403);
          if (isWrite(route.method)) expect(api.view.planVersion, label).toBe(versionBefore);
        }
      }
    });
  }

  it('has writes that a planner can make and a viewer cannot, so the matrix exercises both sides', () => {
    const writes = api.app.routeTable.filter((r) => isWrite(r.method) && !r.url.startsWith('/api/session'));
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const route of writes) expect(policy.entryFor(route.method, route.url)?.role).toBe('planner');
  });
});
