import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy.js';

describe('parseTrustProxy', () => {
  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.5, 10.1.0.0/16,::1', ['10.0.0.5', '10.1.0.0/16', '::1']],
    ['fd00::/8,loopback', ['fd00::/8', 'loopback']],
  ])('reads %j', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '1',
    '2',
    'yes',
    '10.0.0.256',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.0/8/1',
    'proxy.local',
    '10.0.0.5,',
  ])('refuses %j', (text) => {
    const result = parseTrustProxy(text);
    expect(result.ok).toBe(false);
  });

  it('explains why a hop count is refused', () => {
    const result = parseTrustProxy('1');
    expect(!result.ok && result.reason).toContain('hop count');
  });
});
