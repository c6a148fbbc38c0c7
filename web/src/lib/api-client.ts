import { API_BASE } from '../config/app-config';
import { isRecord, isString, type Guard } from './guards';
import { announceIfSignedOut } from './session/session-api';

/** Stable codes of request failures; the UI chooses what to say and whether to retry by code, never by text. */
export type ApiErrorCode =
  /** No HTTP answer at all: the platform is down or the network is. */
  | 'WEB_ERR_UNREACHABLE'
  | 'WEB_ERR_NOT_FOUND'
  /** Any other non-2xx answer. */
  | 'WEB_ERR_HTTP'
  /** A 2xx answer whose body is not the JSON this dashboard expects. */
  | 'WEB_ERR_BAD_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status, when there was an answer. */
  readonly status: number | null;
  readonly path: string;

  constructor(
    code: ApiErrorCode,
    message: string,
    details: { path: string; status?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.code = code;
    this.status = details.status ?? null;
    this.path = details.path;
  }

  /** Whether the same request may succeed later without anyone changing it. */
  get retryable(): boolean {
    return this.code === 'WEB_ERR_UNREACHABLE' || (this.code === 'WEB_ERR_HTTP' && (this.status ?? 0) >= 500);
  }
}

export type QueryValue = string | number | undefined;

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Injected in tests. */
  readonly fetchImpl?: typeof fetch;
}

export function apiUrl(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${API_BASE}${path}${search === '' ? '' : `?${search}`}`;
}

/** Fastify error bodies carry a `message`; anything else is summarised by its status alone. */
async function serverMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    return isRecord(body) && isString(body.message) ? `: ${body.message}` : '';
  } catch {
    return '';
  }
}

async function httpError(response: Response, path: string): Promise<ApiError> {
  const status = response.status;
  const detail = `HTTP ${status}${await serverMessage(response)}`;
  if (status === 404)
    return new ApiError('WEB_ERR_NOT_FOUND', `Not found: ${API_BASE}${path} (${detail}).`, { path, status });
  const message =
    status >= 500
      ? `The API failed on ${API_BASE}${path} (${detail}). Check the platform's log; this screen retries by itself.`
      : `The API refused ${API_BASE}${path} (${detail}).`;
  return new ApiError('WEB_ERR_HTTP', message, { path, status });
}

/** GET a JSON resource of the API and check its shape; every failure becomes an ApiError. */
export async function getJson<T>(path: string, guard: Guard<T>, options: RequestOptions = {}): Promise<T> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(path, options.query), {
      headers: { accept: 'application/json' },
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted === true) throw cause;
    throw new ApiError(
      'WEB_ERR_UNREACHABLE',
      `Cannot reach the API at ${API_BASE} — is the platform running? Start it with "npm start"; this screen retries by itself.`,
      { path, cause },
    );
  }
  if (!response.ok) {
    announceIfSignedOut(response.status);
    throw await httpError(response, path);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (options.signal?.aborted === true) throw cause;
    throw badResponse(path, response.status, cause);
  }
  if (!guard(body)) throw badResponse(path, response.status);
  return body;
}

function badResponse(path: string, status: number, cause?: unknown): ApiError {
  return new ApiError(
    'WEB_ERR_BAD_RESPONSE',
    `The API answered ${API_BASE}${path} with data this dashboard does not understand. Are the platform and the dashboard the same version? Rebuild with "npm run build:web".`,
    { path, status, cause },
  );
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
