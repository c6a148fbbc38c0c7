import { isIP } from 'node:net';

/**
 * Which proxies in front of the API are trusted to report the client's address in `X-Forwarded-For`,
 * in a form Fastify's `trustProxy` takes: all (`true`), none (`false`), or the proxies' addresses and
 * CIDR ranges (and proxy-addr's names `loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = boolean | readonly string[];

export type TrustProxyResult =
  { readonly ok: true; readonly value: TrustProxy } | { readonly ok: false; readonly reason: string };

const PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PRESETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/** Reads TRUST_PROXY: `true`, `false` (or empty), or a comma-separated list of addresses and CIDR ranges. */
export function parseTrustProxy(text: string): TrustProxyResult {
  const value = text.trim();
  if (value === '' || value === 'false') return { ok: true, value: false };
  if (value === 'true') return { ok: true, value: true };
  // Fastify 5 turned hop counts off: a count cannot check that the nearest peer is a proxy at all, so
  // a client reaching the server directly could name any address.
  if (/^\d+$/.test(value))
    return {
      ok: false,
      reason: 'a hop count cannot tell a proxy from a client; list the proxies (e.g. 10.0.0.5,10.1.0.0/16)',
    };
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0)
    return {
      ok: false,
      reason: `${bad.map((b) => JSON.stringify(b)).join(', ')}: expected true, false, or IP addresses and CIDR ranges separated by commas`,
    };
  return { ok: true, value: entries };
}
