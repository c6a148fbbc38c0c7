/** Injected time source, so that domain code and tests never read the wall clock directly. */
export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };
