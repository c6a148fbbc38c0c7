import { describe, expect, it } from 'vitest';
import {
  CredentialsFileError,
  generatePassword,
  hashPassword,
  parseCredentials,
  serializeCredentials,
  verifyPassword,
} from './sensor-credentials.js';

describe('sensor credential hashes', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const password = generatePassword();
    const hash = await hashPassword(password);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain(password);
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword(`${password}x`, hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it.each(['', 'plain', 'scrypt$1$1$1$$', 'scrypt$16384$8$1$c2FsdA==$', 'bcrypt$2$x'])(
    'refuses a malformed hash %j instead of throwing',
    async (hash) => {
      expect(await verifyPassword('anything', hash)).toBe(false);
    },
  );

  it('generates long, URL-safe passwords', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(generatePassword()).not.toBe(password);
  });
});

describe('the credentials file', () => {
  const entry = { hash: 'scrypt$16384$8$1$c2FsdA==$a2V5', created: '2026-12-01T00:00:00.000Z' };

  it('round-trips through its YAML form', () => {
    const table = new Map([
      ['b-2', entry],
      ['a-1', entry],
    ]);
    const text = serializeCredentials(table);
    expect(text.indexOf('a-1')).toBeLessThan(text.indexOf('b-2'));
    expect(parseCredentials(text)).toEqual(table);
  });

  it.each(['', '# nothing yet\n', 'sensors:\n', 'sensors: {}\n'])('reads %j as no sensors', (text) => {
    expect(parseCredentials(text).size).toBe(0);
  });

  it.each([
    ['not YAML', 'sensors: [unclosed'],
    ['sensors not a map', 'sensors: 3\n'],
    ['a bad sensor id', `sensors:\n  "bad id":\n    hash: ${entry.hash}\n`],
    ['a missing hash', 'sensors:\n  aq-1:\n    created: x\n'],
    ['a plain-text password', 'sensors:\n  aq-1:\n    hash: secret\n'],
  ])('refuses %s with a CredentialsFileError', (_label, text) => {
    expect(() => parseCredentials(text)).toThrow(CredentialsFileError);
  });
});
