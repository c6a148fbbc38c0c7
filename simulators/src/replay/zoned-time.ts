import { isTimeZone as isIanaZone, zonedToEpoch, zoneOffsetMs, type LocalDateTime } from '@ssc-monitor/core';

/** A local wall-clock time, as written in a data file. */
export type WallTime = LocalDateTime;

/** Fixed offsets a data file may name instead of a zone: UTC, Z, +08:00, -0700. */
const FIXED = /^(?:UTC|Z|([+-])(\d{2}):?(\d{2}))$/;

function fixedOffset(zone: string): number | undefined {
  const fixed = FIXED.exec(zone);
  if (!fixed) return undefined;
  return fixed[1] === undefined
    ? 0
    : (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
}

const naive = (wall: WallTime) =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);

/** True for an IANA zone (America/Los_Angeles), UTC, or a fixed offset such as +08:00. */
export function isTimeZone(zone: string): boolean {
  return FIXED.test(zone) || isIanaZone(zone);
}

/** The zone's offset from UTC at an instant, ms (local = UTC + offset). */
export function offsetAt(zone: string, epochMs: number): number {
  return fixedOffset(zone) ?? zoneOffsetMs(epochMs, zone);
}

/**
 * The instants whose local time in the zone is this wall time, earliest first: one usually, two in
 * the hour a daylight-saving change repeats, none in the hour it skips.
 */
export function instantsOf(wall: WallTime, zone: string): number[] {
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) return [naive(wall) - fixed];
  const resolved = zonedToEpoch(wall, zone);
  if (!resolved.ok) return [];
  return resolved.later === undefined ? [resolved.ts] : [resolved.ts, resolved.later];
}
