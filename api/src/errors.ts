/**
 * The API's error catalogue. Clients and tests match on `code`, never on message text; the message is
 * a sentence a person can act on.
 */
export const API_ERRORS = {
  /** A path, query or body parameter failed its schema. */
  API_ERR_VALIDATION: 400,
  /** `from` or `to` is neither ISO 8601 nor epoch milliseconds. */
  API_ERR_BAD_TIME: 400,
  /** `every` is not a duration, or is shorter than the minimum spacing. */
  API_ERR_BAD_INTERVAL: 400,
  /** `from` is not before `to`. */
  API_ERR_EMPTY_RANGE: 400,
  /** The series would have more points than one response may carry. */
  API_ERR_TOO_MANY_POINTS: 400,
  /** Any other malformed request Fastify itself rejects (bad JSON, wrong content type…). */
  API_ERR_BAD_REQUEST: 400,
  /** A plan sent for saving failed validation; the message lists every issue with its path. */
  API_ERR_PLAN_INVALID: 400,
  API_ERR_PLAN_VERSION_NOT_FOUND: 404,
  /** A frozen baseline cannot be changed by an ordinary edit: unfreeze it first. */
  API_ERR_BASELINE_FROZEN: 409,
  /** The baseline period has no data, or too little to freeze. */
  API_ERR_BASELINE_NO_DATA: 409,
  API_ERR_KPI_NOT_FOUND: 404,
  API_ERR_SENSOR_NOT_FOUND: 404,
  API_ERR_ROUTE_NOT_FOUND: 404,
  /** No valid API key or session came with a request that needs one. */
  API_ERR_UNAUTHENTICATED: 401,
  /** The caller's role is below what the access policy requires for this route. */
  API_ERR_FORBIDDEN: 403,
  /** The request body is larger than the configured limit. */
  API_ERR_PAYLOAD_TOO_LARGE: 413,
  /** Too many requests from one client; `Retry-After` says when to try again. */
  API_ERR_RATE_LIMITED: 429,
  /** No report with that id in the plan, or no archived report file of that name. */
  API_ERR_REPORT_NOT_FOUND: 404,
  /** A report could not be rendered (Chromium missing, page not ready); the platform carries on. */
  API_ERR_REPORT_FAILED: 503,
  /** Something failed on the server; the details go to the server log, never to the client. */
  API_ERR_INTERNAL: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const API_ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly statusCode: number;

  constructor(code: ApiErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.statusCode = API_ERRORS[code];
  }
}

/** The JSON body of every error response. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly error: ApiErrorCode;
  readonly message: string;
}
