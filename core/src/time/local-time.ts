const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offset of a zone at a UTC hour, cached: offsets only change on the hour in every zone in use. */
const offsetCache = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local time minus UTC at instant `ts`, in ms (e.g. +8 h for Asia/Shanghai). */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const hour = Math.floor(ts / HOUR) * HOUR;
  const key = `${timeZone}|${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const parts = Object.fromEntries(
      formatter(timeZone)
        .formatToParts(hour)
        .map((p) => [p.type, p.value]),
    );
    const asUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offset = asUtc - hour;
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The local calendar date (YYYY-MM-DD) and hour (0–23) of an instant in a zone. */
export function localDateHour(ts: number, timeZone: string): { date: string; hour: number } {
  const local = new Date(ts + zoneOffsetMs(ts, timeZone));
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/** The UTC instant at which a local date-time (no zone) occurs in `timeZone`; DST gaps resolve forward. */
export function zonedInstant(localIso: string, timeZone: string): number {
  const asUtc = Date.parse(`${localIso}Z`);
  // Two passes settle the offset around transitions.
  let ts = asUtc - zoneOffsetMs(asUtc, timeZone);
  ts = asUtc - zoneOffsetMs(ts, timeZone);
  return ts;
}

/** Start of a local calendar date (00:00 in the zone), UTC ms. */
export function startOfLocalDate(date: string, timeZone: string): number {
  return zonedInstant(`${date}T00:00:00`, timeZone);
}

/** The date after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
