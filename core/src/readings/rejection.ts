/** Stable codes for every reason a message is rejected. Clients and tests match on these, never on text. */
export const REJECTION_CODES = [
  'INGEST_ERR_BAD_TOPIC',
  'INGEST_ERR_TOO_LARGE',
  'INGEST_ERR_INVALID_UTF8',
  'INGEST_ERR_NOT_JSON',
  'INGEST_ERR_SCHEMA',
  'INGEST_ERR_UNKNOWN_QUANTITY',
  'INGEST_ERR_UNKNOWN_UNIT',
  'INGEST_ERR_OUT_OF_RANGE',
  'INGEST_ERR_BAD_TIMESTAMP',
  'INGEST_ERR_SENSOR_MISMATCH',
  'INGEST_ERR_EMPTY',
  // The broker refused a publish: a sensor's credential does not own the topic it published on.
  'INGEST_ERR_CREDENTIAL_MISMATCH',
  /** Valid here, but the time-series store refused it as data (e.g. InfluxDB 400 on its line). */
  'INGEST_ERR_STORE_REFUSED',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  readonly code: RejectionCode;
  readonly reason: string;
}

export const reject = (code: RejectionCode, reason: string): Rejection => ({ code, reason });
