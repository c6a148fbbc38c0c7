/**
 * Local time in IANA zones, on Intl alone: offsets, local dates and hours, and wall-clock times
 * resolved to instants across daylight-saving changes. The one time-zone module of the project.
 */
const DAY_MS = 86_400_000;
/** Offsets are cached by UTC day; bounded so that a long-lived process stays small. */
const MAX_CACHED_DAYS = 50_000;

/** Wall-clock fields of a local date-time; month 1–12. */
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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name (or UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone at instant `ts`, to the second. */
function exactOffset(timeZone: string, ts: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ts))
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
 * formatToParts costs microseconds and hot paths ask per reading. A UTC day whose start and end share
 * an offset has no transition (zones change at most once a day), so one lookup serves the whole day;
 * days with a transition (some at half past, as on Lord Howe Island) fall back to the exact offset.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** Local time minus UTC at instant `ts`, in ms (e.g. +8 h for Asia/Shanghai). */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
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

/** The local calendar date (YYYY-MM-DD) and hour (0–23) of an instant in a zone. */
export function localDateHour(ts: number, timeZone: string): { date: string; hour: number } {
  const local = new Date(ts + zoneOffsetMs(ts, timeZone));
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/** Resolves wall-clock fields in a zone to epoch ms, telling repeated and skipped times apart. */
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
  const offsets = new Set([zoneOffsetMs(asUtc - DAY_MS, timeZone), zoneOffsetMs(asUtc + DAY_MS, timeZone)]);
  const valid = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((ts) => zoneOffsetMs(ts, timeZone) === asUtc - ts)
    .sort((a, b) => a - b);
  const [first, second] = valid;
  if (first === undefined)
    return {
      ok: false,
      reason: `local time does not exist in ${timeZone} (skipped when clocks went forward)`,
    };
  return second === undefined ? { ok: true, ts: first } : { ok: true, ts: first, later: second };
}

/** The first instant at or after local midnight of a date (a midnight skipped by DST resolves forward). */
export function startOfLocalDate(date: string, timeZone: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const midnight = { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const resolved = zonedToEpoch(midnight, timeZone);
  if (resolved.ok) return resolved.ts;
  // Clocks jumped over midnight: the day starts where the jump lands.
  const asUtc = Date.UTC(year, month - 1, day);
  return asUtc - zoneOffsetMs(asUtc - DAY_MS, timeZone);
}

/** The date after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
