import { showValue } from './show-value.js';
import { isTimeZone, zonedToEpoch, type LocalDateTime, type ZonedResult } from '../time/local-time.js';

/** Names of the built-in time formats; anything else is a pattern such as `dd/MM/yyyy HH:mm`. */
export const TIME_FORMATS = ['iso8601', 'epoch_ms', 'epoch_s'] as const;

export interface TimeFormatSpec {
  /** `iso8601`, `epoch_ms`, `epoch_s`, or a pattern (tokens below). */
  readonly format: string;
  /** IANA zone for local times: patterns and ISO 8601 text without an offset. */
  readonly timeZone?: string;
}

/** Turns a cell into epoch ms; never throws. */
export type TimeParser = (raw: unknown) => ZonedResult;

export type TimeFormatResult = { ok: true; parse: TimeParser } | { ok: false; reason: string };

/** Pattern tokens (Unicode LDML letters, as in most date libraries); text in '…' is literal. */
const TOKENS: Readonly<Record<string, { field: keyof LocalDateTime | 'ampm'; regex: string }>> = {
  yyyy: { field: 'year', regex: '(\\d{4})' },
  MM: { field: 'month', regex: '(\\d{2})' },
  M: { field: 'month', regex: '(\\d{1,2})' },
  dd: { field: 'day', regex: '(\\d{2})' },
  d: { field: 'day', regex: '(\\d{1,2})' },
  HH: { field: 'hour', regex: '(\\d{2})' },
  H: { field: 'hour', regex: '(\\d{1,2})' },
  hh: { field: 'hour', regex: '(\\d{2})' },
  h: { field: 'hour', regex: '(\\d{1,2})' },
  mm: { field: 'minute', regex: '(\\d{2})' },
  ss: { field: 'second', regex: '(\\d{2})' },
  SSS: { field: 'millisecond', regex: '(\\d{3})' },
  a: { field: 'ampm', regex: '([AaPp][Mm])' },
};
const TOKEN_SCAN = /'([^']*)'|yyyy|MM|M|dd|d|HH|H|hh|h|mm|ss|SSS|a|([A-Za-z])|([^A-Za-z'])/g;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const fail = (reason: string): ZonedResult => ({ ok: false, reason });
/** A cell for an error text; JSON cells may be objects whose toString is not a function. */
const show = (raw: unknown): string => (typeof raw === 'string' ? `'${raw.slice(0, 40)}'` : showValue(raw));

/** Checks ranges (Date.UTC would silently roll 31 February into March). */
function checkFields(local: LocalDateTime): string | undefined {
  const days = new Date(Date.UTC(local.year, local.month, 0)).getUTCDate();
  if (local.month < 1 || local.month > 12) return `month ${local.month} is not 1-12`;
  if (local.day < 1 || local.day > days) return `day ${local.day} is not in month ${local.month}`;
  if (local.hour > 23 || local.minute > 59 || local.second > 59) return 'time of day is out of range';
  return undefined;
}

function resolveLocal(local: LocalDateTime, timeZone: string | undefined, raw: unknown): ZonedResult {
  const bad = checkFields(local);
  if (bad !== undefined) return fail(`time ${show(raw)}: ${bad}`);
  if (timeZone === undefined)
    return fail(`time ${show(raw)} has no UTC offset and the feed sets no timeZone`);
  const result = zonedToEpoch(local, timeZone);
  return result.ok ? result : fail(`time ${show(raw)}: ${result.reason}`);
}

function parseIso(raw: unknown, timeZone: string | undefined): ZonedResult {
  const match = typeof raw === 'string' ? ISO.exec(raw.trim()) : null;
  if (match === null) return fail(`time ${show(raw)} is not ISO 8601 (e.g. 2026-11-25T10:00:00Z)`);
  const n = (i: number) => Number(match[i] ?? 0);
  const local: LocalDateTime = {
    year: n(1),
    month: n(2),
    day: n(3),
    hour: n(4),
    minute: n(5),
    second: n(6),
    millisecond: Math.round(Number(`0.${match[7] ?? '0'}`) * 1000),
  };
  const zone = match[8];
  if (zone === undefined) return resolveLocal(local, timeZone, raw);
  const bad = checkFields(local);
  if (bad !== undefined) return fail(`time ${show(raw)}: ${bad}`);
  const digits = zone === 'Z' ? '+0000' : zone.replace(':', '').padEnd(5, '0');
  const offset =
    (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3)));
  const { year, month, day, hour, minute, second, millisecond } = local;
  return {
    ok: true,
    ts: Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000,
  };
}

function parseEpoch(raw: unknown, factor: number): ZonedResult {
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  // Finite seconds can still overflow to Infinity as milliseconds.
  const ts = Math.round(value * factor);
  if (!Number.isFinite(ts)) return fail(`time ${show(raw)} is not a number of ${factor === 1 ? 'ms' : 's'}`);
  return { ok: true, ts };
}

type Slot = keyof LocalDateTime | 'ampm';

function compilePattern(pattern: string): { regex: RegExp; slots: Slot[]; twelveHour: boolean } | string {
  let source = '';
  let twelveHour = false;
  const slots: Slot[] = [];
  for (const match of pattern.matchAll(TOKEN_SCAN)) {
    const [text, quoted, unknownLetter, other] = match;
    if (unknownLetter !== undefined) return `time pattern letter '${unknownLetter}' is not supported`;
    const literal = quoted ?? other;
    if (literal !== undefined) source += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const token = literal === undefined ? TOKENS[text] : undefined;
    if (token !== undefined) {
      source += token.regex;
      slots.push(token.field);
      twelveHour ||= text === 'h' || text === 'hh';
    }
  }
  for (const required of ['year', 'month', 'day'] as const)
    if (!slots.includes(required)) return `time pattern '${pattern}' has no ${required}`;
  if (twelveHour !== slots.includes('ampm')) return `time pattern '${pattern}' mixes 12-hour and 24-hour`;
  return { regex: new RegExp(`^${source}$`), slots, twelveHour };
}

function patternParser(pattern: string, timeZone: string): TimeFormatResult {
  const compiled = compilePattern(pattern);
  if (typeof compiled === 'string') return { ok: false, reason: compiled };
  const { regex, slots, twelveHour } = compiled;
  const parse: TimeParser = (raw) => {
    const match = typeof raw === 'string' ? regex.exec(raw.trim()) : null;
    if (match === null) return fail(`time ${show(raw)} does not match the pattern '${pattern}'`);
    const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
    let pm = false;
    slots.forEach((slot, i) => {
      const text = match[i + 1] ?? '';
      if (slot === 'ampm') pm = text.toUpperCase() === 'PM';
      else fields[slot] = Number(text);
    });
    if (twelveHour) {
      if (fields.hour < 1 || fields.hour > 12) return fail(`time ${show(raw)}: hour must be 1-12 with AM/PM`);
      fields.hour = (fields.hour % 12) + (pm ? 12 : 0);
    }
    return resolveLocal(fields, timeZone, raw);
  };
  return { ok: true, parse };
}

/** Builds the parser for a feed's time column, or says why the format cannot work. */
export function compileTimeFormat(spec: TimeFormatSpec): TimeFormatResult {
  if (spec.timeZone !== undefined && !isTimeZone(spec.timeZone))
    return { ok: false, reason: `'${spec.timeZone}' is not an IANA time zone (e.g. Europe/Paris)` };
  switch (spec.format) {
    case 'iso8601':
      return { ok: true, parse: (raw) => parseIso(raw, spec.timeZone) };
    case 'epoch_ms':
      return { ok: true, parse: (raw) => parseEpoch(raw, 1) };
    case 'epoch_s':
      return { ok: true, parse: (raw) => parseEpoch(raw, 1000) };
    default:
      if (spec.timeZone === undefined)
        return { ok: false, reason: `time pattern '${spec.format}' needs a timeZone (e.g. Europe/Paris)` };
      return patternParser(spec.format, spec.timeZone);
  }
}
