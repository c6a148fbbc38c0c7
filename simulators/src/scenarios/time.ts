export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/**
 * The demo city keeps Central European winter time, UTC+1, all year round: no daylight-saving jumps,
 * so a day always has 24 hours of readings and profiles need no transition handling.
 */
export const LOCAL_OFFSET_MS = HOUR_MS;

/** Position of the demo city (degrees north and east); sets daylight hours for PV. */
export const CITY_LATITUDE = 59.9;
export const CITY_LONGITUDE = 10.75;

export interface LocalTime {
  /** Hour of the local day, fractional, in [0, 24). */
  readonly hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly weekend: boolean;
  /** Day of the year, 0-based, fractional. */
  readonly dayOfYear: number;
}

export function localTime(t: number): LocalTime {
  const local = t + LOCAL_OFFSET_MS;
  const date = new Date(local);
  const weekday = date.getUTCDay();
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const sinceMidnight = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  return {
    hour: sinceMidnight / HOUR_MS,
    weekday,
    weekend: weekday === 0 || weekday === 6,
    dayOfYear: (local - yearStart) / DAY_MS,
  };
}

/** Gaussian bump of height 1 centred on `centre` hours, `width` hours wide (one standard deviation). */
export function bump(hour: number, centre: number, width: number): number {
  const z = (hour - centre) / width;
  return Math.exp(-0.5 * z * z);
}

/** ≈ 1 between `from` and `to` hours, ≈ 0 outside, with logistic edges `ramp` hours wide. */
export function plateau(hour: number, from: number, to: number, ramp: number): number {
  const rise = 1 / (1 + Math.exp(-(hour - from) / (ramp / 4)));
  const fall = 1 / (1 + Math.exp((hour - to) / (ramp / 4)));
  return rise * fall;
}

export type Shape = (time: LocalTime) => number;

/** A Monday 00:00 local time, so sampling a week covers each weekday exactly once. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1) - LOCAL_OFFSET_MS;
const WEEK_SAMPLES = 7 * 24 * 12;

/** Mean of a shape over one week, by the midpoint rule at 5-minute steps. */
export function weeklyMean(shape: Shape): number {
  const step = WEEK_MS / WEEK_SAMPLES;
  let sum = 0;
  for (let i = 0; i < WEEK_SAMPLES; i += 1) sum += shape(localTime(REFERENCE_MONDAY + (i + 0.5) * step));
  return sum / WEEK_SAMPLES;
}

/**
 * The shape divided by its weekly mean, so a level times the shape averages to the level over a week:
 * calibration lives in one number per quantity while the shape only moves readings around in time.
 */
export function normaliseWeekly(shape: Shape): Shape {
  const mean = weeklyMean(shape);
  return (time) => shape(time) / mean;
}

/** Sunrise and sunset in local hours (simple declination model, good to a few minutes). */
export function daylight(dayOfYear: number): { readonly sunrise: number; readonly sunset: number } {
  const declination = -23.44 * Math.cos((2 * Math.PI * (dayOfYear + 10)) / 365.25);
  const rad = Math.PI / 180;
  const cosHourAngle = -Math.tan(CITY_LATITUDE * rad) * Math.tan(declination * rad);
  const halfDay = Math.acos(Math.min(1, Math.max(-1, cosHourAngle))) / rad / 15;
  // The sun crosses the meridian 4 minutes later per degree west of the zone's 15° E (12:17 here).
  const noon = 12 + (15 - CITY_LONGITUDE) / 15;
  return { sunrise: noon - halfDay, sunset: noon + halfDay };
}
