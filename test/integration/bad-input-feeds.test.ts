import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedError, validateFeed, type Feed } from '@ssc-monitor/core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedStorage, type EmbeddedStorage } from '../../ingest/src/adapters/store/index.js';
import { FeedRunner } from '../../ingest/src/feeds/index.js';
import type { FileCase } from '../corpus/file-case.js';
import { FILE_CORPUS_NOW } from '../corpus/file-case.js';
import { buildFileCorpus } from '../corpus/file-corpus.js';

const corpus = buildFileCorpus();
let storage: EmbeddedStorage;
let dir: string;
let server: Server;
let base = '';

/** Serves case n's text at /case/n, as a portal serves a file. */
function serve(cases: readonly FileCase[]): Promise<Server> {
  const http = createServer((request, response) => {
    const n = Number(/^\/case\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    const c = cases[n];
    if (c === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': c.mapping.format === 'csv' ? 'text/csv' : 'application/json' });
    response.end(c.text);
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

function feedOf(c: FileCase, n: number): Feed {
  const result = validateFeed({ ...c.mapping, id: `bad-${n}`, url: `${base}/case/${n}`, schedule: '1h' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.feed;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-bad-feeds-'));
  storage = createEmbeddedStorage({ dataDir: dir });
  await storage.start();
  server = await serve(corpus);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the bad-file corpus pulled over HTTP by the feed runner', () => {
  const runner = () =>
    new FeedRunner(
      {
        store: storage.store,
        districtOf: () => 'unassigned',
        logger: pino({ level: 'silent' }),
        clock: { now: () => FILE_CORPUS_NOW },
      },
      { allowPrivateNetworks: true, minHostIntervalMs: 0 },
    );

  it.each(corpus.map((c, n) => [c.class, c.description, c, n] as const))(
    '%s: %s',
    async (_cls, _what, c, n) => {
      const pull = runner().run(feedOf(c, n));
      if (c.expect.outcome === 'refused') {
        const error = await pull.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(FeedError);
        expect((error as FeedError).code).toBe(c.expect.code);
        expect((error as FeedError).retryable).toBe(false);
        return;
      }
      const result = await pull;
      expect(result.errorCounts).toEqual(c.expect.errors);
      expect(result.readingsMapped).toBe(c.expect.readings);
      expect(result.readingsStored).toBe(c.expect.readings);
      // A second pull of the same file stores nothing new and reports the same errors.
      const again = await runner().run(feedOf(c, n));
      expect(again.readingsStored).toBe(0);
      expect(again.errorCounts).toEqual(c.expect.errors);
    },
  );
});
