/** Earliest device time accepted: older readings are almost always a wrong clock or unit. */
export const EARLIEST_TS = Date.UTC(2000, 0, 1);
/** How far ahead of the receive time a device clock may run before its readings are refused. */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000;
/** Epoch values below this are seconds (year 5138 in ms), a common sender mistake. */
const SECONDS_LIMIT = 1e11;
/** ECMAScript dates end at ±8.64e15 ms; toISOString throws beyond, so such times are shown raw. */
const MAX_DATE_MS = 8.64e15;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export type TimestampResult = { ok: true; ts: number } | { ok: false; reason: string };

/** An epoch-ms time for a reason text; never throws, whatever the number. */
export function describeTs(ts: number): string {
  return Number.isFinite(ts) && Math.abs(ts) <= MAX_DATE_MS ? new Date(ts).toISOString() : `${ts} ms`;
}

/**
 * Date.parse rolls 30 February into March and takes hour 24: a sender with such a clock is broken,
 * so the fields must name a real calendar instant.
 */
function calendarProblem(match: RegExpExecArray): string | undefined {
  const field = (i: number) => Number(match[i] ?? 0);
  const [year, month, day] = [field(1), field(2), field(3)];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12) return `month ${month} is not 1-12`;
  if (day < 1 || day > days) return `day ${day} is not in month ${month}`;
  if (field(4) > 23 || field(5) > 59 || field(7) > 59) return 'time of day is out of range';
  return undefined;
}

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
    const match = ISO_DATE_TIME.exec(input);
    if (match === null)
      return {
        ok: false,
        reason: `ts '${input.slice(0, 40)}' is not ISO 8601 with a time zone (e.g. 2026-11-25T10:00:00Z)`,
      };
    const problem = calendarProblem(match);
    if (problem !== undefined) return { ok: false, reason: `ts '${input.slice(0, 40)}': ${problem}` };
    ts = Date.parse(input);
    if (Number.isNaN(ts)) return { ok: false, reason: `ts '${input.slice(0, 40)}' is not a valid date` };
  }
  return checkPlausible(ts, receivedAt);
}

/** Refuses device times before 2000 or further ahead of the receive time than a clock can drift. */
export function checkPlausible(ts: number, receivedAt: number): TimestampResult {
  if (!Number.isFinite(ts)) return { ok: false, reason: 'ts is not a finite number' };
  if (ts < EARLIEST_TS) return { ok: false, reason: `ts ${describeTs(ts)} is before 2000-01-01` };
  if (ts > receivedAt + MAX_CLOCK_AHEAD_MS)
    return { ok: false, reason: `ts ${describeTs(ts)} is in the future (device clock ahead?)` };
  return { ok: true, ts };
}
