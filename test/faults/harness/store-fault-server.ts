import { gunzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Headers that describe one connection or the encoding of the body as received, not the request. */
const HOP_BY_HOP = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'expect',
  'upgrade',
]);

/** What the server answers to writes. */
export type StoreFaultMode = 'pass' | 'fail-5xx';

/**
 * An HTTP server in front of InfluxDB that answers writes as a struggling or picky server would:
 * in `fail-5xx` mode every write gets 500 or 503 (alternately, 503 with Retry-After), and in any
 * mode a batch holding a line of a refused sensor is answered 400 "partial write" after its other
 * lines are written, exactly as InfluxDB 1.x does. Everything else passes through unchanged.
 */
export class StoreFaultServer {
  readonly #target: string;
  readonly #refusedSensor: string;
  #server: Server | undefined;
  mode: StoreFaultMode = 'pass';
  /** Answers given, by status. */
  readonly answers = new Map<number, number>();

  constructor(targetUrl: string, refusedSensor: string) {
    this.#target = targetUrl;
    this.#refusedSensor = refusedSensor;
  }

  get url(): string {
    const address = this.#server?.address();
    if (address === null || address === undefined || typeof address === 'string')
      throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => this.#answer(response, 502, String(error)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    // The client gzips bodies above 1 kB; the server reads and forwards them plain.
    const gzipped = request.headers['content-encoding'] === 'gzip';
    const body = gzipped ? gunzipSync(Buffer.concat(chunks)) : Buffer.concat(chunks);
    const isWrite = request.method === 'POST' && /^\/(api\/v2\/)?write\b/.test(request.url ?? '');
    if (!isWrite) return this.#pass(request, body, response);
    if (this.mode === 'fail-5xx') {
      const status = (this.answers.get(500) ?? 0) <= (this.answers.get(503) ?? 0) ? 500 : 503;
      return this.#answer(response, status, 'injected failure', status === 503 ? { 'retry-after': '1' } : {});
    }
    const lines = body.toString('utf8').split('\n');
    const refused = lines.filter((line) => line.includes(`sensor=${this.#refusedSensor} `));
    if (refused.length === 0) return this.#pass(request, body, response);
    const kept = lines.filter((line) => !refused.includes(line));
    if (kept.length > 0) {
      const written = await this.#forward(request, Buffer.from(kept.join('\n')));
      if (written.status >= 300) return this.#answer(response, written.status, await written.text());
    }
    this.#answer(response, 400, `partial write: refused sensor dropped=${refused.length}`);
  }

  async #forward(request: IncomingMessage, body: Buffer): Promise<Response> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers.set(name, value);
    }
    const method = request.method ?? 'GET';
    return fetch(`${this.#target}${request.url ?? '/'}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
    });
  }

  async #pass(request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const answer = await this.#forward(request, body);
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(name))
        headers[name] = value;
    });
    this.#count(answer.status);
    response.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()));
  }

  #answer(
    response: ServerResponse,
    status: number,
    error: string,
    headers: Record<string, string> = {},
  ): void {
    this.#count(status);
    response
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify({ error }));
  }

  #count(status: number): void {
    this.answers.set(status, (this.answers.get(status) ?? 0) + 1);
  }
}
