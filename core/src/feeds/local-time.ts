/** Wall-clock fields of a local date-time; month 1-12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/**
 * A local time resolved in a zone. In the hour repeated when clocks go back, `ts` is the first
 * occurrence and `later` the second; a time skipped when clocks go forward does not resolve.
 */
export type ZonedResult =
  | { readonly ok: true; readonly ts: number; readonly later?: number }
  | { readonly ok: false; readonly reason: string };

const DAY_MS = 86_400_000;
/** Offsets computed per zone are cached by UTC day; bounded so that a long-lived process stays small. */
const MAX_CACHED_DAYS = 50_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone (or UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at instant `ts`, in ms (local = UTC + offset), to the second. */
function exactOffset(timeZone: string, ts: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ts))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return local - Math.floor(ts / 1000) * 1000;
}

/**
 * formatToParts costs microseconds, and a feed may hold years of hourly rows. A UTC day whose
 * start and end share an offset has no transition (zones change at most once a day), so one
 * lookup serves the whole day; days with a transition fall back to the exact computation.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

function offsetAt(timeZone: string, ts: number): number {
  let days = dayOffsets.get(timeZone);
  if (days === undefined) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(ts / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = exactOffset(timeZone, day * DAY_MS);
    offset = start === exactOffset(timeZone, (day + 1) * DAY_MS - 1000) ? start : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  return offset ?? exactOffset(timeZone, ts);
}

/** Resolves wall-clock fields in an IANA zone to epoch ms. */
export function zonedToEpoch(local: LocalDateTime, timeZone: string): ZonedResult {
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
  // The offsets a day either side bracket any transition near this local time; each candidate
  // instant is valid if the zone really has that offset there.
  const offsets = new Set([offsetAt(timeZone, asUtc - DAY_MS), offsetAt(timeZone, asUtc + DAY_MS)]);
  const valid = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((ts) => offsetAt(timeZone, ts) === asUtc - ts)
    .sort((a, b) => a - b);
  const [first, second] = valid;
  if (first === undefined)
    return {
      ok: false,
      reason: `local time does not exist in ${timeZone} (skipped when clocks went forward)`,
    };
  return second === undefined ? { ok: true, ts: first } : { ok: true, ts: first, later: second };
}
