import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseCsv, validateFeed, type Feed } from '@ssc-monitor/core';
import { Redis } from 'ioredis';

/** The real Fremont Bridge file of ../shared/data; feed tests skip, saying so, when it is absent. */
export const FREMONT_FILE = fileURLToPath(
  new URL('../../../shared/data/seattle-fremont-bridge-bikes/FremontBridge.csv', import.meta.url),
);
export const hasFremontFile = existsSync(FREMONT_FILE);

/**
 * Figures of the dataset's README: 37,968 rows, 7 with empty counts; 4 rows fall in hours skipped
 * when clocks went forward (3 of them among the empty ones), so 8 rows are refused.
 */
export const FREMONT = {
  rows: 37_968,
  rejectedRows: 8,
  readings: (37_968 - 8) * 2,
  total2013: 928_279,
  weekOf2014_05_12: 32_427,
} as const;

/** Rows the CKAN stand-in serves (the first of the file), in pages. */
export const CKAN_ROWS = 2_500;

export const REDIS = { host: '127.0.0.1', port: 6379 };

export function fremontFeed(id: string, url: string, extra: Record<string, unknown> = {}): Feed {
  const result = validateFeed({
    id,
    url,
    format: 'csv',
    schedule: '1h',
    timeout: '10s',
    time: { column: 'Date', format: 'MM/dd/yyyy hh:mm:ss a', timeZone: 'America/Los_Angeles' },
    readings: [
      { quantity: 'cycling_count', column: 'Fremont Bridge West Sidewalk', sensor: 'fremont-west' },
      { quantity: 'cycling_count', column: 'Fremont Bridge East Sidewalk', sensor: 'fremont-east' },
    ],
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.feed;
}

export interface FeedServer {
  readonly server: Server;
  readonly base: string;
  /** Requests per path (query included), and every request in order with its time. */
  readonly hits: Map<string, number>;
  readonly log: Array<{ readonly path: string; readonly at: number }>;
  close(): Promise<void>;
}

function ckanRecords(csv: string): Array<Record<string, string>> {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.reason);
  const [header, ...rows] = parsed.records.map((r) => r.fields);
  return rows.slice(0, CKAN_ROWS).map((fields, i) => ({
    _id: String(i + 1),
    ...Object.fromEntries((header ?? []).map((h, c) => [h, fields[c] ?? ''])),
  }));
}

/**
 * A portal stand-in on a free port of 127.0.0.1 serving the real file: as is, gzip-compressed
 * (behind a redirect), after two 503s, never (headers only), not at all (404), or as a CKAN datastore in pages.
 */
export async function startFeedServer(): Promise<FeedServer> {
  const csv = readFileSync(FREMONT_FILE);
  const records = ckanRecords(csv.toString('utf8'));
  const hits = new Map<string, number>();
  const log: Array<{ path: string; at: number }> = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    log.push({ path, at: Date.now() });
    const url = new URL(path, 'http://localhost');
    if (url.pathname === '/ckan/api/3/action/datastore_search') {
      const [offset, limit] = [Number(url.searchParams.get('offset')), Number(url.searchParams.get('limit'))];
      const result = { records: records.slice(offset, offset + limit), total: records.length };
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ success: true, result }));
    } else if (path === '/flaky.csv' && hit <= 2) res.writeHead(503).end('maintenance, come back later');
    else if (path === '/missing.csv') res.writeHead(404).end('no such file');
    else if (path === '/slow.csv')
      res.writeHead(200); // headers only: the body never comes
    else if (path === '/redirect.csv') res.writeHead(302, { location: '/gzip.csv' }).end();
    else if (path === '/gzip.csv') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(csv));
    else res.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Deletes every Redis key under `prefix:` (a test's own prefix; never FLUSHALL). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS);
  try {
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      if ((cursor = next) === '0') break;
    }
  } finally {
    await redis.quit();
  }
}
