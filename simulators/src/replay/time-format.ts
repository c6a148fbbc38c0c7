import type { WallTime } from './zoned-time.js';

/** Format tokens: year, month, day, hour (24 h or 12 h with A), minute, second, millisecond. */
const TOKENS = ['YYYY', 'MM', 'M', 'DD', 'D', 'HH', 'H', 'hh', 'h', 'mm', 'ss', 'SSS', 'A'] as const;
type Token = (typeof TOKENS)[number];

const PATTERNS: Readonly<Record<Token, string>> = {
  YYYY: '(\\d{4})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  DD: '(\\d{2})',
  D: '(\\d{1,2})',
  HH: '(\\d{2})',
  H: '(\\d{1,2})',
  hh: '(\\d{2})',
  h: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
  SSS: '(\\d{3})',
  A: '(AM|PM|am|pm)',
};

/** Reads a wall time out of text; undefined when the text does not match or is not a calendar time. */
export type WallTimeParser = (text: string) => WallTime | undefined;

function tokenize(format: string): Array<Token | { literal: string }> {
  const out: Array<Token | { literal: string }> = [];
  for (let i = 0; i < format.length;) {
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      out.push(token);
      i += token.length;
    } else {
      out.push({ literal: format[i] ?? '' });
      i += 1;
    }
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wallTimeOf(values: Partial<Record<Token, string>>): WallTime | undefined {
  const num = (t: Token, fallback: number) => (values[t] === undefined ? fallback : Number(values[t]));
  let hour = num('HH', num('H', NaN));
  if (Number.isNaN(hour)) {
    const h12 = num('hh', num('h', 0)) % 12;
    hour = (values.A ?? '').toUpperCase() === 'PM' ? h12 + 12 : h12;
  }
  const wall = {
    year: num('YYYY', NaN),
    month: num('MM', num('M', NaN)),
    day: num('DD', num('D', NaN)),
    hour,
    minute: num('mm', 0),
    second: num('ss', 0),
    millisecond: num('SSS', 0),
  };
  // Round-trip through Date.UTC to refuse 31 April or 25 o'clock.
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  const valid =
    d.getUTCFullYear() === wall.year &&
    d.getUTCMonth() === wall.month - 1 &&
    d.getUTCDate() === wall.day &&
    d.getUTCHours() === wall.hour &&
    wall.minute < 60 &&
    wall.second < 60;
  return valid ? wall : undefined;
}

/**
 * Compiles a format such as `MM/DD/YYYY hh:mm:ss A` or `YYYY M D H` into a parser. Throws a
 * RangeError when the format lacks a year, month, day or hour.
 */
export function compileTimeFormat(format: string): WallTimeParser {
  const parts = tokenize(format);
  const tokens = parts.filter((p): p is Token => typeof p === 'string');
  const has = (...any: Token[]) => any.some((t) => tokens.includes(t));
  if (!has('YYYY') || !has('MM', 'M') || !has('DD', 'D') || !has('HH', 'H', 'hh', 'h'))
    throw new RangeError(
      `time format '${format}' needs a year (YYYY), month (MM), day (DD) and hour (HH, or hh with A)`,
    );
  if (has('hh', 'h') && !has('A'))
    throw new RangeError(`time format '${format}' has a 12-hour clock (hh) without AM/PM (A)`);
  const regex = new RegExp(
    `^${parts.map((p) => (typeof p === 'string' ? PATTERNS[p] : escapeRegExp(p.literal))).join('')}$`,
  );
  return (text) => {
    const match = regex.exec(text.trim());
    if (!match) return undefined;
    const values: Partial<Record<Token, string>> = {};
    tokens.forEach((t, i) => (values[t] = match[i + 1]));
    return wallTimeOf(values);
  };
}
