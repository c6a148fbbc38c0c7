/** Earliest device time accepted: older readings are almost always a wrong clock or unit. */
export const EARLIEST_TS = Date.UTC(2000, 0, 1);
/** How far ahead of the receive time a device clock may run before its readings are refused. */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;
/** Epoch values below this are seconds (year 5138 in ms), a common sender mistake. */
const SECONDS_LIMIT = 1e11;

export type TimestampResult = { ok: true; ts: number } | { ok: false; reason: string };

/** Accepts ISO 8601 text or epoch milliseconds and checks the result is plausible. */
export function parseTimestamp(input: string | number, receivedAt: number): TimestampResult {
  let ts: number;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'ts is not a finite number' };
    if (Math.abs(input) < SECONDS_LIMIT)
      return { ok: false, reason: `ts ${input} looks like seconds; send epoch milliseconds or ISO 8601` };
    ts = Math.round(input);
  } else {
    // Date.parse accepts many non-ISO shapes; require an ISO 8601 date-time with an explicit zone.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(input))
      return {
        ok: false,
        reason: `ts '${input.slice(0, 40)}' is not ISO 8601 with a time zone (e.g. 2026-11-25T10:00:00Z)`,
      };
    ts = Date.parse(input);
    if (Number.isNaN(ts)) return { ok: false, reason: `ts '${input.slice(0, 40)}' is not a valid date` };
  }
  return checkPlausible(ts, receivedAt);
}

/** Refuses device times before 2000 or further ahead of the receive time than a clock can drift. */
export function checkPlausible(ts: number, receivedAt: number): TimestampResult {
  if (ts < EARLIEST_TS) return { ok: false, reason: `ts ${new Date(ts).toISOString()} is before 2000-01-01` };
  if (ts > receivedAt + MAX_CLOCK_AHEAD_MS)
    return { ok: false, reason: `ts ${new Date(ts).toISOString()} is in the future (device clock ahead?)` };
  return { ok: true, ts };
}
