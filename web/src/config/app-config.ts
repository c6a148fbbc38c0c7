/** Settings of the dashboard. The API serves this bundle, so every path is relative to the same origin. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const TIME = { SECOND, MINUTE, HOUR, DAY } as const;

export const API_BASE = '/api';
export const STREAM_PATH = `${API_BASE}/stream`;

/**
 * Number and date formats follow one locale so that a wall screen reads the same whatever browser
 * drives it. Times are shown in the browser's time zone, which is the operations centre's.
 */
export const LOCALE = 'en-GB';

export const SPARKLINE = {
  /** History loaded from the series endpoint when a tile mounts. */
  rangeMs: 48 * HOUR,
  every: '1h',
  everyMs: HOUR,
  /** Bounded buffer: 48 hourly points and a live head, with room to spare. */
  maxPoints: 120,
  /** Shortest time between two redraws of a sparkline by live updates. */
  redrawMs: 5 * SECOND,
} as const;

/** A KPI whose newest reading is older than this is marked stale on its tile. */
export const STALE_AFTER_MS = 15 * MINUTE;

/** Retry of failed API requests that may succeed later (API down, 5xx), so an unattended screen recovers. */
export const RETRY_DELAY_MS = 5 * SECOND;

/** Manual reconnect of the live stream when the browser gives up (e.g. the API answered an error). */
export const STREAM_RECONNECT = { initialMs: 2 * SECOND, maxMs: 30 * SECOND } as const;

export const DEAD_LETTER_LIMIT = 50;

/** Health is not streamed; it is polled while its panel is open. */
export const HEALTH_POLL_MS = 10 * SECOND;

/**
 * Share of expected hours (or days) with data a calendar value needs, when its definition states none;
 * the same as core's DEFAULT_COVERAGE (air-quality practice).
 */
export const DEFAULT_COVERAGE_SHARE = 0.75;
