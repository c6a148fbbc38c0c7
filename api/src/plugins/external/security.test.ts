import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { DEFAULT_SECURITY_OPTIONS, type SecurityOptions } from './security.js';

let current: TestApp | undefined;

afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

async function start(security: Partial<SecurityOptions> = {}): Promise<TestApp> {
  current = await buildTestApp({ security });
  return current;
}

describe('security headers', () => {
  it('sends a same-origin CSP and the usual hardening headers on pages and API answers', async () => {
    const { app, inject } = await start();
    for (const res of [await app.inject('/'), await inject('/api/kpis'), await app.inject('/docs')]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('CORS', () => {
  it('allows no other origin by default', async () => {
    const { inject } = await start();
    const res = await inject({ url: '/api/kpis', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows exactly the listed origins', async () => {
    const { inject, app } = await start({ corsOrigins: ['https://city.example'] });
    const listed = await inject({ url: '/api/kpis', headers: { origin: 'https://city.example' } });
    expect(listed.headers['access-control-allow-origin']).toBe('https://city.example');
    const other = await inject({ url: '/api/kpis', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/plan',
      headers: { origin: 'https://city.example', 'access-control-request-method': 'PUT' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
  });
});

describe('limits', () => {
  it('answers 413 to a body over the limit, before the handler runs', async () => {
    const { inject, view } = await start({ bodyLimit: 2048 });
    const res = await inject({
      method: 'PUT',
      url: '/api/plan',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(4096) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, error: 'API_ERR_PAYLOAD_TOO_LARGE' });
    expect(view.planVersion).toBe(1);
  });

  it('answers 429 with Retry-After once a client exceeds the rate', async () => {
    const { inject } = await start({ rateLimit: 3, rateWindowMs: 60_000 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await inject('/api/kpis')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await inject('/api/kpis');
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'API_ERR_RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  describe('behind a reverse proxy', () => {
    // app.inject connects from 127.0.0.1: the proxy's address in these tests.
    async function statusesFor(trustProxy: SecurityOptions['trustProxy']): Promise<number[]> {
      const { inject } = await start({ rateLimit: 2, trustProxy });
      const from = (client: string) =>
        inject({ url: '/api/kpis', headers: { 'x-forwarded-for': client } }).then((r) => r.statusCode);
      return [
        await from('203.0.113.7'),
        await from('203.0.113.7'),
        await from('203.0.113.7'),
        await from('203.0.113.8'),
      ];
    }

    it('limits each client named in X-Forwarded-For when the proxy is trusted', async () => {
      expect(await statusesFor(true)).toEqual([200, 200, 429, 200]);
    });

    it('trusts a listed proxy address or range, and only it', async () => {
      expect(await statusesFor(['127.0.0.0/8'])).toEqual([200, 200, 429, 200]);
      await current?.app.close();
      expect(await statusesFor(['10.0.0.0/8'])).toEqual([200, 200, 429, 429]);
    });

    it('ignores X-Forwarded-For by default: all clients behind one address share its limit', async () => {
      expect(await statusesFor(DEFAULT_SECURITY_OPTIONS.trustProxy)).toEqual([200, 200, 429, 429]);
    });
  });

  it('rate-limits requests with bad keys too, so guessing is throttled', async () => {
    const { app } = await start({ rateLimit: 2 });
    const bad = { url: '/api/kpis', headers: { authorization: 'Bearer ssc_guess' } };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await app.inject(bad)).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('limits sign-in attempts separately', async () => {
    const { app } = await start({ signInPerMinute: 2 });
    const attempt = () => app.inject({ method: 'POST', url: '/api/session', payload: { key: 'ssc_guess' } });
    expect([
      (await attempt()).statusCode,
      (await attempt()).statusCode,
      (await attempt()).statusCode,
    ]).toEqual([401, 401, 429]);
  });
});

describe('response schemas', () => {
  it('drop fields a route does not declare', async () => {
    const { inject, view } = await start();
    const sensor = view.sensorList[0];
    if (sensor === undefined) throw new Error('the memory view has sensors');
    view.sensorList[0] = Object.assign({ internalNote: 'wired to the mayor’s office' }, sensor);
    const res = await inject(`/api/sensors/${sensor.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(sensor.id);
    expect(res.body).not.toContain('internalNote');
    const keys = await inject('/api/keys');
    expect(keys.json<{ keys: unknown[] }>().keys).toHaveLength(4);
    expect(keys.body).not.toContain('hash');
  });
});
