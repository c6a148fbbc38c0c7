/** Stable codes of the embedded store's errors; callers match on these, never on message text. */
export const STORE_ERROR_CODES = [
  'STORE_ERR_OPEN',
  'STORE_ERR_WRITE',
  'STORE_ERR_QUERY',
  'STORE_ERR_CLOSED',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A failure of the embedded database; `cause` carries the DuckDB error when there is one. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Wraps an unknown failure, keeping a StoreError that already says what went wrong. */
export function toStoreError(code: StoreErrorCode, message: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new StoreError(code, `${message}${detail}`, { cause: error });
}
