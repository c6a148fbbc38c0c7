const UNIT_MS = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
} as const;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)$/;

/**
 * Parses a duration such as `250ms`, `10s`, `15m`, `1h`, `2d`, `1w` or `1y` (365 days) into
 * milliseconds; a bare number is taken as milliseconds. Undefined when the text is not a duration.
 */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = DURATION.exec(trimmed);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}
