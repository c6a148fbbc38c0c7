import { API_BASE } from '../config/app-config';
import { ApiError, apiUrl } from './api-client';
import { isRecord, isString, type Guard } from './guards';
import { announceIfSignedOut } from './session/session-api';

/**
 * A refused write: the server's stable code (API_ERR_*) and message are kept, because the edit form maps
 * the message's `path: message` issues to its fields and chooses what to say by code.
 */
export class ApiWriteError extends ApiError {
  /** The API's own code, e.g. API_ERR_PLAN_INVALID; null when the answer carried none. */
  readonly apiCode: string | null;
  /** The server's message without the request summary, for mapping issues to fields. */
  readonly detail: string;

  constructor(path: string, status: number, apiCode: string | null, detail: string) {
    super('WEB_ERR_HTTP', `The API refused ${API_BASE}${path} (HTTP ${status}): ${detail}`, { path, status });
    this.apiCode = apiCode;
    this.detail = detail;
  }
}

export interface WriteOptions {
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetchImpl?: typeof fetch;
}

/** Header values must be ISO-8859-1; an author typed with other letters is percent-encoded rather than refused. */
function headerSafe(value: string): string {
  return /^[\x20-\x7e\xa0-\xff]*$/.test(value) ? value : encodeURIComponent(value);
}

/** PUT, POST or DELETE a JSON resource and check the answer's shape; every failure is an ApiError. */
export async function sendJson<T>(
  method: 'PUT' | 'POST' | 'DELETE',
  path: string,
  body: unknown,
  guard: Guard<T>,
  options: WriteOptions = {},
): Promise<T> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = headerSafe(value);
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(path, options.query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError('WEB_ERR_UNREACHABLE', `Cannot reach the API at ${API_BASE}: nothing was saved.`, {
      path,
      cause,
    });
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    announceIfSignedOut(response.status);
    const apiCode = isRecord(answer) && isString(answer.error) ? answer.error : null;
    const detail = isRecord(answer) && isString(answer.message) ? answer.message : `HTTP ${response.status}`;
    throw new ApiWriteError(path, response.status, apiCode, detail);
  }
  if (!guard(answer))
    throw new ApiError('WEB_ERR_BAD_RESPONSE', `The API answered ${API_BASE}${path} with unexpected data.`, {
      path,
      status: response.status,
    });
  return answer;
}
