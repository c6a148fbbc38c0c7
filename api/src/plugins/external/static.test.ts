import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing/test-app.js';
import { DASHBOARD_NOT_BUILT } from './static.js';

const INDEX_HTML = '<!doctype html><title>dashboard</title><div id="root"></div>';
const SCRIPT = 'console.log("chart")';

let dir: string;
let app: FastifyInstance | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-api-web-'));
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function withBuiltDashboard(): Promise<FastifyInstance> {
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX_HTML);
  await writeFile(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  app = (await buildTestApp({ webDir: dir })).app;
  return app;
}

describe('dashboard, built', () => {
  it('serves index.html at / and must-revalidate', async () => {
    const res = await (await withBuiltDashboard()).inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves fingerprinted assets as immutable', async () => {
    const res = await (await withBuiltDashboard()).inject('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body).toBe(SCRIPT);
  });

  it('answers client-side routes, dots included, with index.html', async () => {
    const served = await withBuiltDashboard();
    for (const url of ['/kpis/env.air.pm25', '/sensors?district=north', '/map']) {
      const res = await served.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX_HTML);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps JSON 404s for unknown /api and /docs paths', async () => {
    const served = await withBuiltDashboard();
    for (const url of ['/api/unknown', '/docs/unknown']) {
      const res = await served.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: 'API_ERR_ROUTE_NOT_FOUND' });
    }
  });

  it('leaves the API routes to the API, sign-in included: no page stands in for a 401', async () => {
    const res = await (await withBuiltDashboard()).inject('/api/kpis');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'API_ERR_UNAUTHENTICATED' });
  });
});

describe('dashboard, not built', () => {
  it('answers GET / with 503 saying how to build it when webDir has no index.html', async () => {
    app = (await buildTestApp({ webDir: dir })).app;
    const res = await app.inject('/');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe(DASHBOARD_NOT_BUILT);
    expect(res.body).toContain('npm run build:web');
  });

  it('answers 503 on / and on client-side routes when no webDir is given', async () => {
    app = (await buildTestApp()).app;
    for (const url of ['/', '/kpis/env.air.pm25']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(503);
      expect(res.body, url).toContain('npm run build:web');
    }
    expect((await app.inject('/api/kpis')).statusCode).toBe(401);
  });

  it('answers 503 when webDir does not exist', async () => {
    app = (await buildTestApp({ webDir: join(dir, 'missing') })).app;
    expect((await app.inject('/')).statusCode).toBe(503);
  });
});
