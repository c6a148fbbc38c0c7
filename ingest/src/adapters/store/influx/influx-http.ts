import { DEFAULT_WriteOptions, InfluxDB, type Transport } from '@influxdata/influxdb-client';
import { parseQueryAnswer, type QuerySeries } from './query-results.js';
import { usesV2WriteApi, versionHeader, type ServerVersion } from './server-version.js';

/** Where and as whom to connect; see `InfluxStoreOptions` for each field. */
export interface InfluxConnection {
  readonly url: string;
  readonly token?: string;
  readonly username?: string;
  readonly password?: string;
  readonly org?: string;
  readonly bucket: string;
  readonly timeoutMs: number;
}

/** Rows per chunk of a chunked `/query` answer; chunking also avoids a server's max-row-limit. */
const CHUNK_SIZE = 10_000;

/**
 * The HTTP calls the store makes, over the client's Transport (so failures arrive as its
 * HttpError, with status and headers). Reads always use the v1 `/query` endpoint, which 1.x, 2.x
 * (bucket as database) and 3.x all serve; writes use `/api/v2/write` when the server has it.
 */
export class InfluxHttp {
  readonly #connection: InfluxConnection;
  readonly #transport: Transport;

  constructor(connection: InfluxConnection) {
    this.#connection = connection;
    // No token here: the Authorization header depends on the endpoint, see #authorization.
    this.#transport = new InfluxDB({ url: connection.url, timeout: connection.timeoutMs }).transport;
  }

  /** Resolves with the server's version header (undefined when it sends none). */
  async ping(signal?: AbortSignal): Promise<string | undefined> {
    let version: string | undefined;
    await this.#transport.request(
      '/ping',
      '',
      { method: 'GET', headers: this.#authorization('v1'), ...(signal ? { signal } : {}) },
      (headers) => {
        version = versionHeader(headers);
      },
    );
    return version;
  }

  /** Writes a batch of ms-precision line protocol; resolves on the server's 204. */
  async write(body: string, version: ServerVersion, signal?: AbortSignal): Promise<void> {
    const { org, bucket } = this.#connection;
    const v2 = usesV2WriteApi(version);
    const path = v2
      ? `/api/v2/write?org=${encodeURIComponent(org ?? '')}&bucket=${encodeURIComponent(bucket)}&precision=ms`
      : `/write?db=${encodeURIComponent(bucket)}&precision=ms`;
    await this.#transport.request(path, body, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', ...this.#authorization(v2 ? 'v2' : 'v1') },
      gzipThreshold: DEFAULT_WriteOptions.gzipThreshold,
      ...(signal ? { signal } : {}),
    });
  }

  /** Runs InfluxQL against the bucket (as database), times as epoch ms. */
  async query(statement: string): Promise<QuerySeries[]> {
    const path =
      `/query?db=${encodeURIComponent(this.#connection.bucket)}` +
      `&epoch=ms&chunked=true&chunk_size=${CHUNK_SIZE}`;
    const chunks = this.#transport.iterate(path, `q=${encodeURIComponent(statement)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.#authorization('v1') },
    });
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
    return parseQueryAnswer(text + decoder.decode());
  }

  /**
   * A token goes everywhere as `Token …`. Without one, username and password go as Basic auth to
   * the v1 endpoints, and as the `Token user:password` form that 1.8 accepts on `/api/v2/write`.
   */
  #authorization(api: 'v1' | 'v2'): Record<string, string> {
    const { token, username, password = '' } = this.#connection;
    if (token !== undefined && token !== '') return { authorization: `Token ${token}` };
    if (username === undefined || username === '') return {};
    if (api === 'v2') return { authorization: `Token ${username}:${password}` };
    return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
  }
}
