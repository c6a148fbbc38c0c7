import { parseDurationMs } from '@ssc-monitor/core';

/** A parsed option value, or what is wrong with it. */
export type Check<T> = { readonly value: T } | { readonly problem: string };

/** Pushes a problem and returns the fallback, so that every bad option is reported at once. */
export function collect<T>(check: Check<T>, problems: string[], fallback: T): T {
  if ('problem' in check) {
    problems.push(check.problem);
    return fallback;
  }
  return check.value;
}

/** Applies `parse` when the option was given. */
export function optional<T>(
  text: string | undefined,
  parse: (text: string) => Check<T>,
  problems: string[],
): T | undefined {
  return text === undefined ? undefined : collect<T | undefined>(parse(text), problems, undefined);
}

export function duration(name: string, min: number): (text: string) => Check<number> {
  return (text) => {
    // A bare number is refused: whether `--interval 10` means ms or s would be a guess.
    const ms = /^\d+(?:\.\d+)?$/.test(text.trim()) && Number(text) !== 0 ? undefined : parseDurationMs(text);
    if (ms === undefined)
      return { problem: `--${name} '${text}' is not a time with a unit (e.g. 10s, 5m, 48h, 1y)` };
    if (ms < min) return { problem: `--${name} must be at least ${min} ms` };
    return { value: ms };
  };
}

export function wholeNumber(
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): (text: string) => Check<number> {
  return (text) => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
      return { problem: `--${name} '${text}' is not a whole number` };
    if (n < min || n > max) return { problem: `--${name} must be between ${min} and ${max}` };
    return { value: n };
  };
}

export function positiveNumber(name: string): (text: string) => Check<number> {
  return (text) => {
    const n = Number(text);
    return /^\d+(\.\d+)?$/.test(text) && n > 0
      ? { value: n }
      : { problem: `--${name} '${text}' is not a number above 0` };
  };
}

export function qosOf(text: string): Check<0 | 1> {
  if (text === '0') return { value: 0 };
  if (text === '1') return { value: 1 };
  return { problem: `--qos '${text}' must be 0 or 1` };
}

/**
 * A point in time: `now`, a date (midnight UTC) or an ISO 8601 date-time with a zone. A zone-less
 * time is refused rather than guessed.
 */
export function instant(name: string, now: number): (text: string) => Check<number> {
  return (text) => {
    if (text === 'now') return { value: now };
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
    const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(date);
    const ms = zoned ? Date.parse(date) : NaN;
    return Number.isNaN(ms)
      ? { problem: `--${name} '${text}' is not a date (2025-01-01), a date-time with a zone or 'now'` }
      : { value: ms };
  };
}
