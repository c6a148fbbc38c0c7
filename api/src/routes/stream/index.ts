import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformView } from '@ssc-monitor/core';
import type { AuthContext } from '../../auth/authenticate.js';
import { readableLiveEvents } from '../../live/live-event-access.js';
import { SseConnection, type LiveStreamOptions } from '../../live/sse-connection.js';

export interface StreamRouteOptions {
  readonly view: PlatformView;
  readonly live: LiveStreamOptions;
  /** Decides which event types each reader gets: those whose REST route the reader may read. */
  readonly auth: Pick<AuthContext, 'policy' | 'publicDashboard'>;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // Stops nginx and similar proxies from holding events back in their response buffer.
  'x-accel-buffering': 'no',
};

const description =
  'Server-Sent Events. On connect: `retry`, then one `kpi` event per KPI and one `sensor` event per sensor ' +
  '(the full state, also after every reconnect); then live `kpi`, `sensor` and `dead-letter` events whose ' +
  'data is the JSON of the same objects the REST routes return, `alert` events (`{code, active, message, at}`, ' +
  'e.g. INGEST_ALERT_SPOOL_FULL while readings are not acknowledged), and a comment heartbeat every 15 s. ' +
  'Each event type goes only to readers who may read its REST route: `dead-letter` as GET /api/dead-letters, ' +
  '`alert` as GET /metrics (operator and above). ' +
  'A client that falls more than about 1 MB behind is disconnected and resyncs on reconnect.';

const streamRoutes: FastifyPluginAsyncTypebox<StreamRouteOptions> = async (app, { view, live, auth }) => {
  const open = new Set<SseConnection>();
  // Hijacked responses never go idle, so the HTTP server would wait on them forever when closing.
  app.addHook('preClose', async () => {
    for (const connection of open) connection.stop();
  });

  app.get(
    '',
    {
      exposeHeadRoute: false,
      schema: {
        summary: 'Live KPI, sensor and dead-letter events',
        description,
        tags: ['live'],
        response: {
          200: {
            description: 'An endless text/event-stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
        },
      },
    },
    (request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, SSE_HEADERS);
      const readable = readableLiveEvents(auth.policy, request.principal?.role ?? null, auth.publicDashboard);
      const connection = new SseConnection(reply.raw, live, readable, (queued) =>
        request.log.warn(
          { queuedBytes: queued },
          'live stream client too slow; disconnected so that it resyncs',
        ),
      );
      open.add(connection);
      reply.raw.once('close', () => open.delete(connection));
      connection.start(view);
    },
  );
};

export default streamRoutes;
