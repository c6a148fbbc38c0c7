/**
 * Stable codes for everything that can go wrong with an open-data feed: a whole pull failing
 * (network, HTTP, payload) or a single row being refused. GET /api/feeds shows them; clients and
 * tests match on the code, never on the message.
 */
export const FEED_ERROR_CODES = [
  // The pull as a whole.
  'FEED_ERR_PRIVATE_ADDRESS',
  'FEED_ERR_NETWORK',
  'FEED_ERR_TIMEOUT',
  'FEED_ERR_HTTP_STATUS',
  'FEED_ERR_TOO_LARGE',
  'FEED_ERR_REDIRECTS',
  'FEED_ERR_STORE',
  'FEED_ERR_UNKNOWN_FEED',
  'FEED_ERR_INVALID_FEED',
  // The payload.
  'FEED_ERR_EMPTY',
  'FEED_ERR_CSV_SYNTAX',
  'FEED_ERR_CSV_DELIMITER',
  'FEED_ERR_CSV_HEADER',
  'FEED_ERR_NOT_JSON',
  'FEED_ERR_NO_RECORDS',
  'FEED_ERR_PORTAL',
  'FEED_ERR_MISSING_COLUMN',
  // One row.
  'FEED_ERR_ROW_WIDTH',
  'FEED_ERR_NOT_A_RECORD',
  'FEED_ERR_EMPTY_VALUE',
  'FEED_ERR_NOT_A_NUMBER',
  'FEED_ERR_UNKNOWN_UNIT',
  'FEED_ERR_OUT_OF_RANGE',
  'FEED_ERR_BAD_TIMESTAMP',
  'FEED_ERR_BAD_SENSOR_ID',
] as const;

export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

/** A failure as data: what status records and row reports carry. */
export interface FeedProblem {
  readonly code: FeedErrorCode;
  readonly message: string;
}

/**
 * Codes worth retrying: the portal or the network may recover. A 4xx answer, a bad payload or a
 * refused address will fail the same way again, so retrying only delays the report.
 */
const TRANSIENT: ReadonlySet<FeedErrorCode> = new Set([
  'FEED_ERR_NETWORK',
  'FEED_ERR_TIMEOUT',
  'FEED_ERR_HTTP_STATUS',
  'FEED_ERR_STORE',
]);

/** A failed pull. `retryable` tells the schedulers whether another attempt can help. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly retryable: boolean;

  constructor(
    readonly code: FeedErrorCode,
    message: string,
    options?: { cause?: unknown; retryable?: boolean },
  ) {
    super(message, options);
    this.retryable = options?.retryable ?? TRANSIENT.has(code);
  }

  static from(problem: FeedProblem): FeedError {
    return new FeedError(problem.code, problem.message);
  }

  toProblem(): FeedProblem {
    return { code: this.code, message: this.message };
  }
}
