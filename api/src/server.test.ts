import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenApi } from './server.js';
import { buildTestApp } from './testing/test-app.js';

const apps: FastifyInstance[] = [];

async function newApp(): Promise<FastifyInstance> {
  const { app } = await buildTestApp();
  apps.push(app);
  return app;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('listenApi', () => {
  it('resolves to a URL that answers', async () => {
    const url = await listenApi(await newApp(), { host: '127.0.0.1', port: 0 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('names localhost rather than a wildcard address', async () => {
    const url = await listenApi(await newApp(), { host: '0.0.0.0', port: 0 });
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it("rejects with code 'EADDRINUSE' when the port is taken", async () => {
    const url = await listenApi(await newApp(), { host: '127.0.0.1', port: 0 });
    const port = Number(new URL(url).port);
    await expect(listenApi(await newApp(), { host: '127.0.0.1', port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
