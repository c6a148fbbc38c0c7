/** Stable codes of the simulator's errors; match on these, never on message text. */
export const SIMULATOR_ERROR_CODES = [
  /** The broker could not be reached or refused the connection. */
  'SIM_ERR_CONNECT',
  /** One or more messages of a batch were not published. */
  'SIM_ERR_PUBLISH',
  /** publish() before start() or after stop(). */
  'SIM_ERR_NOT_STARTED',
  /** An option is out of range (interval, backfill, QoS). */
  'SIM_ERR_BAD_OPTION',
  /** A scenario, plan or replay mapping file cannot be read or is not valid. */
  'SIM_ERR_BAD_FILE',
  /** A replayed CSV file lacks a column its mapping names. */
  'SIM_ERR_BAD_CSV',
] as const;

export type SimulatorErrorCode = (typeof SIMULATOR_ERROR_CODES)[number];

export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly code: SimulatorErrorCode;
  /** For SIM_ERR_PUBLISH: how many messages of the batch failed. */
  readonly failed: number | undefined;

  constructor(code: SimulatorErrorCode, message: string, options?: { cause?: unknown; failed?: number }) {
    super(message, options);
    this.code = code;
    this.failed = options?.failed;
  }
}
