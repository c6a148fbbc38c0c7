import { parseDurationMs, type SeriesQuery } from '@ssc-monitor/core';
import { ApiError } from '../../errors.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export const SERIES_LIMITS = {
  /** Points more closely spaced than this say nothing a chart can show, and cost a store query each. */
  minEvery: MINUTE,
  /** Keeps one response well under a megabyte and one chart readable. */
  maxPoints: 5_000,
  defaultEvery: HOUR,
  defaultSpan: 7 * DAY,
} as const;

const TIME = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,3})?)?';
const DATE_TIME = new RegExp(`^\\d{4}-\\d{2}-\\d{2}(T${TIME}(Z|[+-]\\d{2}:\\d{2}))?$`);
const DATE_TIME_NO_ZONE = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T${TIME}$`);

/** Date.parse rolls 2026-02-30 over into March; a date must name a real day. */
function isCalendarDate(date: string): boolean {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === date;
}

function parseIso(text: string): number {
  return DATE_TIME.test(text) && isCalendarDate(text.slice(0, 10)) ? Date.parse(text) : Number.NaN;
}

/** ISO 8601 (a date alone is UTC midnight; a time needs a zone) or epoch ms. */
export function parseTime(field: 'from' | 'to', text: string): number {
  const value = /^\d{1,15}$/.test(text) ? Number(text) : parseIso(text);
  if (Number.isFinite(value)) return value;
  const hint = DATE_TIME_NO_ZONE.test(text)
    ? ' add a time zone, e.g. Z for UTC, so the time is not read in the server zone'
    : ' use ISO 8601 (2026-03-01 or 2026-03-01T06:00:00Z) or epoch milliseconds';
  throw new ApiError('API_ERR_BAD_TIME', `querystring '${field}' is '${text}', which is not a time:${hint}.`);
}

/** Milliseconds, or a duration in the core's syntax: 90s, 15m, 1.5h, 1d, 1w. */
export function parseEvery(text: string): number {
  const every = parseDurationMs(text);
  if (every === undefined) {
    throw new ApiError(
      'API_ERR_BAD_INTERVAL',
      `querystring 'every' is '${text}', which is not a duration: use milliseconds or a number with ms, s, m, h, d or w, e.g. 15m.`,
    );
  }
  if (every < SERIES_LIMITS.minEvery) {
    throw new ApiError(
      'API_ERR_BAD_INTERVAL',
      `querystring 'every' is ${every} ms; points must be at least 1m (60000 ms) apart.`,
    );
  }
  return every;
}

const NICE_STEPS = [1, 2, 5, 10, 15, 30]
  .map((m) => m * MINUTE)
  .concat([1, 2, 3, 6, 12, 24, 48].map((h) => h * HOUR));

function formatDuration(ms: number): string {
  const [unit, size] = (
    [
      ['w', WEEK],
      ['d', DAY],
      ['h', HOUR],
      ['m', MINUTE],
    ] as const
  ).find(([, length]) => ms % length === 0) ?? ['ms', 1];
  return `${ms / size}${unit}`;
}

/** The smallest round spacing (1m, 2m, 5m … 2d, then whole weeks) that keeps `span` within the point limit. */
function suggestEvery(span: number): string {
  const needed = span / SERIES_LIMITS.maxPoints;
  const step = NICE_STEPS.find((candidate) => candidate >= needed) ?? Math.ceil(needed / WEEK) * WEEK;
  return formatDuration(step);
}

export interface RawSeriesQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly every?: string | undefined;
}

/** Resolves defaults and checks the range; throws ApiError with a message that says what to change. */
export function resolveSeriesQuery(raw: RawSeriesQuery, now: number): SeriesQuery {
  const to = raw.to === undefined ? now : parseTime('to', raw.to);
  const from = raw.from === undefined ? to - SERIES_LIMITS.defaultSpan : parseTime('from', raw.from);
  const every = raw.every === undefined ? SERIES_LIMITS.defaultEvery : parseEvery(raw.every);
  if (from >= to) {
    throw new ApiError(
      'API_ERR_EMPTY_RANGE',
      `'from' (${new Date(from).toISOString()}) must be before 'to' (${new Date(to).toISOString()}).`,
    );
  }
  // Points are `every` apart within [from, to], so there are at most this many whatever their alignment.
  const points = Math.floor((to - from) / every) + 1;
  if (points > SERIES_LIMITS.maxPoints) {
    throw new ApiError(
      'API_ERR_TOO_MANY_POINTS',
      `This range at every=${every} ms gives ${points} points, more than the ${SERIES_LIMITS.maxPoints} allowed: ` +
        `ask for a larger \`every\` (at least ${suggestEvery(to - from)}) or a shorter range.`,
    );
  }
  return { from, to, every };
}
