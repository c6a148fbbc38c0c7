/** A local wall-clock time, as written in a data file. */
export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;
const FIXED = /^(?:UTC|Z|([+-])(\d{2}):?(\d{2}))$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for an IANA zone (America/Los_Angeles), UTC, or a fixed offset such as +08:00. */
export function isTimeZone(zone: string): boolean {
  if (FIXED.test(zone)) return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, ms (local = UTC + offset). */
export function offsetAt(zone: string, epochMs: number): number {
  const fixed = FIXED.exec(zone);
  if (fixed)
    return fixed[1] === undefined
      ? 0
      : (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(whole)) parts[type] = Number(value);
  const local = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return local - whole;
}

/**
 * The instants whose local time in the zone is this wall time, earliest first: one usually, two in
 * the hour a daylight-saving change repeats, none in the hour it skips.
 */
export function instantsOf(wall: WallTime, zone: string): number[] {
  const naive = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  // The offsets in force a day either side cover any transition near this time.
  const offsets = new Set([
    offsetAt(zone, naive - DAY_MS),
    offsetAt(zone, naive),
    offsetAt(zone, naive + DAY_MS),
  ]);
  const out = [...offsets].map((offset) => naive - offset).filter((t) => offsetAt(zone, t) === naive - t);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The offset in force just before a skipped hour, so a wall time in the gap maps as clocks read before. */
export function gapInstant(wall: WallTime, zone: string): number {
  const naive = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.millisecond,
  );
  return naive - offsetAt(zone, naive - DAY_MS);
}
