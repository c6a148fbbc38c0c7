import { LOCALE } from '../config/app-config';

/** Shown wherever a number is missing, so an empty cell never reads as zero. */
export const MISSING = '—';

/*
 * Formatters are costly to build (tens of microseconds each) and a wall screen formats thousands of
 * values a second, so each locale and option set is built once and kept.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, build: () => F): F {
  let format = cache.get(key);
  if (format === undefined) {
    format = build();
    cache.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return cached(numberFormats, key, () => new Intl.NumberFormat(locale, options));
}

/** `name` stands for the fixed option set; locale and zone are the only parts that vary. */
function dateFormat(
  name: string,
  locale: string,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${name}|${locale}|${timeZone ?? ''}`;
  return cached(dateFormats, key, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
}

const CLOCK: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};
const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const PLAN_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** Decimals by magnitude: large values read as whole numbers, small ones keep the digit that matters. */
function decimalsFor(value: number): number {
  const abs = Math.abs(value);
  if (abs >= 100) return 0;
  if (abs >= 1 || abs === 0) return 1;
  return 2;
}

export interface NumberFormatOptions {
  readonly locale?: string;
  /**
   * Drop trailing zeros (plan values such as "15" or "5.2"). Live values keep a fixed number of decimals
   * so that the digits do not jump about on the wall screen as the value changes.
   */
  readonly trim?: boolean;
}

export function formatNumber(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const decimals = decimalsFor(value);
  return numberFormat(options.locale ?? LOCALE, {
    maximumFractionDigits: decimals,
    minimumFractionDigits: options.trim === true ? 0 : decimals,
  }).format(value);
}

/** "17.8 µg/m³", "52,000 vehicles/day", "62.0%": percent signs stick to the number, other units do not. */
export function withUnit(formatted: string, unit: string): string {
  if (unit === '' || formatted === MISSING) return formatted;
  return unit === '%' ? `${formatted}%` : `${formatted} ${unit}`;
}

export function formatValue(
  value: number | null | undefined,
  unit: string,
  options: NumberFormatOptions = {},
): string {
  return withUnit(formatNumber(value, options), unit);
}

/** A ratio as a whole percentage: 0.434 → "43%". */
export function formatPercent(ratio: number | null | undefined, locale: string = LOCALE): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatCount(value: number, locale: string = LOCALE): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** "24 h", "7 d", "30 min", "45 s": a length of time as people write it. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${formatCount(Math.round(ms / 1000))} s`;
  const minutes = ms / 60_000;
  if (minutes < 60) return `${formatNumber(minutes, { trim: true })} min`;
  const hours = minutes / 60;
  if (hours <= 48 || hours % 24 !== 0) return `${formatNumber(hours, { trim: true })} h`;
  return `${formatCount(hours / 24)} d`;
}

/** "just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago"; times in the future (clock skew) read as now. */
export function formatRelativeTime(then: number | null | undefined, now: number): string {
  if (then === null || then === undefined) return 'never';
  const seconds = Math.floor((now - then) / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

export interface DateFormatOptions {
  readonly locale?: string;
  /** Defaults to the browser's zone; tests pin it. */
  readonly timeZone?: string;
}

/** 24-hour wall-clock time, "14:03:22". */
export function formatClock(epochMs: number, options: DateFormatOptions = {}): string {
  return dateFormat('clock', options.locale ?? LOCALE, options.timeZone, CLOCK).format(epochMs);
}

/** "25 Nov 2026, 14:03". */
export function formatDateTime(epochMs: number, options: DateFormatOptions = {}): string {
  return dateFormat('date-time', options.locale ?? LOCALE, options.timeZone, DATE_TIME).format(epochMs);
}

/** A plan calendar date (YYYY-MM-DD) as "31 Dec 2027"; it names a day, so it is never shifted by time zone. */
export function formatPlanDate(isoDate: string, locale: string = LOCALE): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) return isoDate;
  return dateFormat('plan-date', locale, 'UTC', PLAN_DATE).format(ms);
}

/** The year of a plan date, "2027", which is how targets are spoken of. */
export function planYear(isoDate: string): string {
  return isoDate.slice(0, 4);
}

/** Shortens long text for a table cell, keeping the start, which is where payloads say what they are. */
export function excerpt(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
