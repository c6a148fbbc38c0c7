import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageFallback } from '../app/error-handling.js';

const INDEX = 'index.html';

export const DASHBOARD_NOT_BUILT =
  'The dashboard is not built. Run `npm run build:web`, then restart the server. ' +
  'The API is available under /api and documented at /docs.\n';

function notBuilt(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(DASHBOARD_NOT_BUILT);
}

function cacheHeaders(root: string) {
  const assets = join(root, 'assets') + sep;
  // Vite fingerprints every file under assets/, so they never change; anything else must revalidate.
  return (reply: FastifyReply, path: string): void => {
    reply.header(
      'cache-control',
      path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  };
}

/**
 * Serves the built dashboard at / and returns the fallback for client-side routes (index.html).
 * Without a built dashboard, GET / and every page answer 503 saying how to build it.
 */
export async function registerDashboard(
  app: FastifyInstance,
  webDir: string | undefined,
): Promise<PageFallback> {
  const root = webDir === undefined ? undefined : resolve(webDir);
  if (root === undefined || !existsSync(join(root, INDEX))) {
    app.get('/', { schema: { hide: true } }, notBuilt);
    return notBuilt;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, setHeaders: cacheHeaders(root) });
  return (_request, reply) => reply.sendFile(INDEX);
}
