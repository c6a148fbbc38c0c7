/** The major and minor version of an InfluxDB server, as far as the adapter cares. */
export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  /** What the server or the override said, for logs. */
  readonly text: string;
}

/**
 * Reads a version such as `1.6.7~rc0` (Debian), `v2.7.4` (2.x adds a `v`), `3.0.1` or a bare `2`.
 * Undefined when there is no leading number, e.g. a cloud service that sends no version header.
 */
export function parseServerVersion(text: string | undefined): ServerVersion | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?/.exec(text?.trim() ?? '');
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? '0'), text: text?.trim() ?? '' };
}

/**
 * `/api/v2/write` exists from 1.8 on (2.x and 3.x have it natively); older 1.x servers only have
 * `/write?db=`.
 */
export function usesV2WriteApi(version: ServerVersion): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= 8);
}

/** `X-Influxdb-Version` of a `/ping` answer; Node lowercases header names. */
export function versionHeader(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers['x-influxdb-version'];
  return Array.isArray(value) ? value[0] : value;
}
