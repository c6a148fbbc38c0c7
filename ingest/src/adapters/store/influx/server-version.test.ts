import { describe, expect, it } from 'vitest';
import { parseServerVersion, usesV2WriteApi, versionHeader } from './server-version.js';

describe('server version', () => {
  it.each<[string | undefined, { major: number; minor: number } | undefined, boolean | undefined]>([
    ['1.6.7~rc0', { major: 1, minor: 6 }, false],
    ['1.7.11', { major: 1, minor: 7 }, false],
    ['1.8.10', { major: 1, minor: 8 }, true],
    ['v2.7.4', { major: 2, minor: 7 }, true],
    ['3.0.1', { major: 3, minor: 0 }, true],
    [' 2 ', { major: 2, minor: 0 }, true],
    ['OSS', undefined, undefined],
    ['', undefined, undefined],
    [undefined, undefined, undefined],
  ])('reads %j as %j (v2 write API: %s)', (text, expected, v2) => {
    const version = parseServerVersion(text);
    expect(version === undefined ? undefined : { major: version.major, minor: version.minor }).toEqual(
      expected,
    );
    expect(version === undefined ? undefined : usesV2WriteApi(version)).toBe(v2);
  });

  it('takes the header Node lowercased, or the first of repeated ones', () => {
    expect(versionHeader({ 'x-influxdb-version': '1.6.7~rc0' })).toBe('1.6.7~rc0');
    expect(versionHeader({ 'x-influxdb-version': ['v2.7.4', 'x'] })).toBe('v2.7.4');
    expect(versionHeader({})).toBeUndefined();
  });
});
