import { describe, expect, it } from 'vitest';
import { checkLiteralHost, guardedLookup, isPrivateAddress } from './network-guard.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '[::1]',
    '::7f00:1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    'fe80::abcd:1',
    'febf::1',
    '64:ff9b::a9fe:a9fe',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '151.101.1.69', '2606:4700::6810:85e5', '::ffff:8.8.8.8'])(
    'lets %s through',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('checkLiteralHost', () => {
  it('refuses a private IP literal unless private networks are allowed', () => {
    expect(() => checkLiteralHost('169.254.169.254', false)).toThrow(
      expect.objectContaining({ code: 'FEED_ERR_PRIVATE_ADDRESS', retryable: false }),
    );
    expect(() => checkLiteralHost('[::1]', false)).toThrow(
      expect.objectContaining({ code: 'FEED_ERR_PRIVATE_ADDRESS' }),
    );
    expect(() => checkLiteralHost('169.254.169.254', true)).not.toThrow();
    expect(() => checkLiteralHost('data.example.org', false)).not.toThrow();
  });

  it.each([
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::127.0.0.1]/',
    'http://169.254.169.254.:80/',
    'http://[fe80::1]/',
  ])('refuses %s, which the URL parser normalises to a local address', (url) => {
    expect(() => checkLiteralHost(new URL(url).hostname, false)).toThrow(
      expect.objectContaining({ code: 'FEED_ERR_PRIVATE_ADDRESS' }),
    );
    expect(() => checkLiteralHost('data.example.org', false)).not.toThrow();
  });
});

describe('guardedLookup', () => {
  const lookup = (allow: boolean, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(allow)('localhost', { all }, (error, address) => resolve({ error, address })),
    );

  it('refuses a name resolving to loopback', async () => {
    const { error } = await lookup(false, false);
    expect(error).toMatchObject({
      code: 'FEED_ERR_PRIVATE_ADDRESS',
      message: expect.stringContaining('localhost resolves to'),
    });
  });

  it('answers in the shape asked for when allowed', async () => {
    const one = await lookup(true, false);
    expect(one.error).toBeNull();
    expect(isPrivateAddress(String(one.address))).toBe(true);
    const all = await lookup(true, true);
    expect(Array.isArray(all.address) && all.address.length).toBeGreaterThan(0);
  });
});
