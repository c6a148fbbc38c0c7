import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateFeed, type Feed } from '@ssc-monitor/core';

/** One row of the feed: an hourly bicycle count. */
export interface FeedRow {
  readonly ts: number;
  readonly count: number;
}

const FIRST_HOUR = Date.UTC(2024, 0, 1);

/** `rows` deterministic hourly counts from 2024-01-01. */
export function feedRows(rows: number): FeedRow[] {
  return Array.from({ length: rows }, (_, i) => ({ ts: FIRST_HOUR + i * 3_600_000, count: (i * 7) % 113 }));
}

/**
 * A portal stand-in serving the rows as CSV; while `stall` is set it sends the first half of the
 * file and then nothing, so that a pull hangs mid-transfer until its process is killed.
 */
export class CsvFeedServer {
  readonly #csv: string;
  readonly #server: Server;
  stall = false;
  requests = 0;

  constructor(rows: readonly FeedRow[]) {
    this.#csv =
      ['time,count', ...rows.map((r) => `${new Date(r.ts).toISOString()},${r.count}`)].join('\n') + '\n';
    this.#server = createServer((_request, response) => {
      this.requests += 1;
      response.writeHead(200, { 'content-type': 'text/csv' });
      if (!this.stall) return void response.end(this.#csv);
      response.write(this.#csv.slice(0, this.#csv.length / 2));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/counts.csv`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** The feed of the server's rows, as a plan declares it. */
export function csvFeed(id: string, url: string, sensor: string): Feed {
  const result = validateFeed({
    id,
    url,
    format: 'csv',
    schedule: '1h',
    timeout: '60s',
    time: { column: 'time', timeZone: 'UTC' },
    readings: [{ quantity: 'cycling_count', column: 'count', sensor }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.feed;
}
