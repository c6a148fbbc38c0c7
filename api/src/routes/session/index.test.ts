import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createTestKeys, useTestApp } from '../../testing/test-app.js';

const start = useTestApp();

function sessionCookie(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /ssc_session=([^;]+)/.exec(header);
  if (match === null) throw new Error(`no session cookie in ${header}`);
  return `ssc_session=${match[1]}`;
}

describe('sessions', () => {
  it('exchanges a key for an HttpOnly, SameSite=Strict cookie that then carries the role', async () => {
    const { app, keyFor } = await start();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { key: keyFor.planner },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ authenticated: true, role: 'planner', via: 'session' });
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toContain(keyFor.planner);
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    const me = await app.inject({ url: '/api/session', headers: { cookie } });
    expect(me.json()).toEqual({
      authenticated: true,
      role: 'planner',
      name: 'test planner',
      via: 'session',
      publicDashboard: false,
    });
    expect((await app.inject({ url: '/api/kpis', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/keys', headers: { cookie } })).statusCode).toBe(403);
  });

  it('refuses an unknown key and says who is calling when nobody is', async () => {
    const { app } = await start();
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { key: 'ssc_nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'API_ERR_UNAUTHENTICATED' });
    expect(res.headers['set-cookie']).toBeUndefined();
    const me = await app.inject('/api/session');
    expect(me.json()).toEqual({ authenticated: false, publicDashboard: false });
  });

  it('ends the session on sign-out', async () => {
    const { app, keyFor } = await start();
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { key: keyFor.viewer } });
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/ssc_session=;/);
    expect((await app.inject({ url: '/api/kpis', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends every session of a key when the key is revoked', async () => {
    const { app, keyFor, keys } = await start();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { key: keyFor.operator },
    });
    const cookie = sessionCookie(signIn.headers['set-cookie']);
    expect((await app.inject({ url: '/api/feeds', headers: { cookie } })).statusCode).toBe(200);
    const record = (await keys.list()).find((r) => r.role === 'operator');
    expect(await keys.revoke(record?.id ?? '')).toBe(true);
    expect((await app.inject({ url: '/api/feeds', headers: { cookie } })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: '/api/feeds', headers: { authorization: `Bearer ${keyFor.operator}` } }))
        .statusCode,
    ).toBe(401);
  });
});

describe('public read-only mode', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('opens the public GET routes without sign-in, and nothing else', async () => {
    const { keys } = await createTestKeys();
    const built = await buildTestApp({ auth: { keys, publicDashboard: true } });
    app = built.app;
    expect((await app.inject('/api/kpis')).statusCode).toBe(200);
    expect((await app.inject('/api/sensors')).statusCode).toBe(200);
    expect((await app.inject('/api/plan/history')).statusCode).toBe(401);
    expect((await app.inject('/api/dead-letters')).statusCode).toBe(401);
    const write = await app.inject({ method: 'PUT', url: '/api/plan', payload: built.view.plan });
    expect(write.statusCode).toBe(401);
    expect(built.view.planVersion).toBe(1);
    expect((await app.inject('/api/session')).json()).toEqual({
      authenticated: false,
      publicDashboard: true,
    });
  });

  it('is off by default', async () => {
    const built = await buildTestApp();
    app = built.app;
    expect((await app.inject('/api/kpis')).statusCode).toBe(401);
  });
});
