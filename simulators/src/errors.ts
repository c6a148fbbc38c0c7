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
] as const;

export type SimulatorErrorCode = (typeof SIMULATOR_ERROR_CODES)[number];

export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
  readonly code: SimulatorErrorCode;

  constructor(code: SimulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
