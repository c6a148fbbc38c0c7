import { HttpError } from '@influxdata/influxdb-client';
import { describe, expect, it } from 'vitest';
import {
  failureAction,
  isUnavailable,
  retryAfterMs,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy.js';

const http = (status: number, headers: Record<string, string> = {}): HttpError =>
  new HttpError(status, 'status', '', headers['retry-after'], 'text/plain', undefined, headers);
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const policy: RetryPolicy = { minDelayMs: 100, maxDelayMs: 2000, factor: 2, jitter: 0.5 };
const NOW = Date.UTC(2026, 2, 1);

describe('failure classification', () => {
  it.each<[string, unknown, 'retry' | 'reject', boolean]>([
    ['a refused connection', refused, 'retry', true],
    ['500', http(500), 'retry', true],
    ['503', http(503), 'retry', true],
    ['429', http(429), 'retry', true],
    ['408', http(408), 'retry', true],
    ['401 (credentials)', http(401), 'retry', false],
    ['403 (permissions)', http(403), 'retry', false],
    ['404 (no database yet)', http(404), 'retry', false],
    ['400 (bad line)', http(400), 'reject', false],
    ['413 (too large)', http(413), 'reject', false],
    ['422 (outside retention)', http(422), 'reject', false],
  ])('after %s: forwarder %s, unavailable at start %s', (_label, error, action, unavailable) => {
    expect(failureAction(error)).toBe(action);
    expect(isUnavailable(error)).toBe(unavailable);
  });
});

describe('retry delays', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('7', NOW)).toBe(7000);
    expect(retryAfterMs(['3', '9'], NOW)).toBe(3000);
    expect(retryAfterMs(new Date(NOW + 4000).toUTCString(), NOW)).toBe(4000);
    expect(retryAfterMs(new Date(NOW - 4000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });

  it('grows exponentially from the minimum up to the maximum, plus jitter', () => {
    const noJitter = [1, 2, 3, 4, 5, 6, 10].map((n) => retryDelayMs(n, policy, refused, NOW, () => 0));
    expect(noJitter).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    expect(retryDelayMs(2, policy, refused, NOW, () => 1)).toBe(300);
  });

  it("waits at least the server's Retry-After, but never beyond the maximum", () => {
    expect(retryDelayMs(1, policy, http(429, { 'retry-after': '1' }), NOW, () => 0)).toBe(1000);
    expect(retryDelayMs(1, policy, http(503, { 'retry-after': '60' }), NOW, () => 0)).toBe(2000);
    expect(retryDelayMs(5, policy, http(429, { 'retry-after': '1' }), NOW, () => 0)).toBe(1600);
  });
});
