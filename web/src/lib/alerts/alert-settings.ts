import { TIME } from '../../config/app-config';

export interface AlertSettings {
  /** A sensor is silent after this many times the median message interval of the city's sensors… */
  readonly silentFactor: number;
  /** …but never sooner than this, ms. */
  readonly silentMinMs: number;
  /** A burst is at least this many rejected messages… */
  readonly burstCount: number;
  /** …within this long, ms. */
  readonly burstWindowMs: number;
  /** Bursts that ended longer ago than this are not raised when a screen (re)loads, ms. */
  readonly burstLookbackMs: number;
  /** KPIs, sensors and rejected messages are fetched again on this period, besides the live stream, ms. */
  readonly pollMs: number;
  /** Acknowledged alerts are forgotten this long after they resolved, ms. */
  readonly keepAcknowledgedMs: number;
  /** At most this many alerts are kept; the oldest acknowledged ones go first. */
  readonly maxAlerts: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  silentFactor: 5,
  silentMinMs: 10 * TIME.MINUTE,
  burstCount: 10,
  burstWindowMs: TIME.MINUTE,
  burstLookbackMs: TIME.HOUR,
  pollMs: 30 * TIME.SECOND,
  keepAcknowledgedMs: TIME.DAY,
  maxAlerts: 200,
};

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: TIME.SECOND, m: TIME.MINUTE, h: TIME.HOUR };

/** "90s", "2m", "1500ms", "1h" in ms; null when unreadable. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (match === null) return null;
  const [, amount = '', unit = ''] = match;
  const ms = Number(amount) * (UNITS[unit] ?? Number.NaN);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

function positiveNumber(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * URL query parameters that tune the alert rules, so a screen can be set up (or a browser test run in
 * seconds) by its URL, before the hash: `?alert-silent-min=2s&alert-burst=5#/`. Unreadable values
 * keep the default: a typo must not leave the wall screen without alerts.
 */
const PARAMS: readonly [string, keyof AlertSettings, (text: string) => number | null][] = [
  ['alert-silent-factor', 'silentFactor', positiveNumber],
  ['alert-silent-min', 'silentMinMs', parseDuration],
  [
    'alert-burst',
    'burstCount',
    (text) => {
      const n = positiveNumber(text);
      return n !== null && Number.isInteger(n) ? n : null;
    },
  ],
  ['alert-burst-window', 'burstWindowMs', parseDuration],
  ['alert-poll', 'pollMs', parseDuration],
];

export function parseAlertSettings(
  search: string,
  defaults: AlertSettings = DEFAULT_ALERT_SETTINGS,
): AlertSettings {
  const params = new URLSearchParams(search);
  const settings: Record<keyof AlertSettings, number> = { ...defaults };
  for (const [name, key, parse] of PARAMS) {
    const text = params.get(name);
    const value = text === null ? null : parse(text);
    if (value !== null) settings[key] = value;
  }
  return settings;
}
