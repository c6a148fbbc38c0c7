/**
 * `npm test` runs each fault in its short form; `npm run test:faults` sets FAULTS=long for the
 * long form (outages of minutes, repeated faults) and rewrites the table in docs/reliability.md.
 */
export const LONG = process.env.FAULTS === 'long';

/** Picks the short or the long figure. */
export const pick = <T>(short: T, long: T): T => (LONG ? long : short);

/** vitest timeout of one fault test, ms. */
export const testTimeout = (shortMs: number, longMs: number): number => pick(shortMs, longMs);
