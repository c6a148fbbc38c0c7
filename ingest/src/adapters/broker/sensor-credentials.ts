import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { SENSOR_ID_PATTERN } from '@ssc-monitor/core';
import { parse, stringify } from 'yaml';

/** One sensor's MQTT credential as stored: never the password, only its scrypt hash. */
export interface SensorCredential {
  /** `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>` */
  readonly hash: string;
  /** ISO 8601 time the credential was issued. */
  readonly created: string;
}

export type CredentialTable = ReadonlyMap<string, SensorCredential>;

/** The credentials file is not what the sensors CLI writes; the broker keeps its last good table. */
export class CredentialsFileError extends Error {
  readonly code = 'INGEST_ERR_CREDENTIALS_FILE';
  override readonly name = 'CredentialsFileError';
}

/**
 * scrypt cost: N = 2^14 with r = 8 takes 16 MiB and ~40 ms per check, the interactive-login figure of
 * the scrypt paper; a connect is rare next to the readings it carries.
 */
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const HASH_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  // maxmem above the default 32 MiB so larger N values written by a future version still verify.
  const withMem = { ...options, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, withMem, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_BYTES, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when the password matches the hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(hash);
  if (!match) return false;
  const [, n, r, p, salt, key] = match;
  const expected = Buffer.from(key ?? '', 'base64');
  if (expected.length === 0) return false;
  try {
    const actual = await derive(password, Buffer.from(salt ?? '', 'base64'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** A new random password: 24 bytes, URL-safe, so it pastes into any sensor's configuration. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/** Parses the credentials YAML; an empty file is an empty table. */
export function parseCredentials(text: string): Map<string, SensorCredential> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new CredentialsFileError('the credentials file is not valid YAML', { cause: error });
  }
  const table = new Map<string, SensorCredential>();
  if (doc === null || doc === undefined) return table;
  const sensors = (doc as { sensors?: unknown }).sensors;
  if (typeof doc !== 'object' || (sensors !== undefined && sensors !== null && typeof sensors !== 'object'))
    throw new CredentialsFileError('the credentials file must hold a `sensors:` map');
  for (const [id, entry] of Object.entries((sensors ?? {}) as Record<string, unknown>)) {
    const { hash, created } = (entry ?? {}) as Record<string, unknown>;
    if (!SENSOR_ID_PATTERN.test(id) || typeof hash !== 'string' || !HASH_PATTERN.test(hash))
      throw new CredentialsFileError(`the credential of sensor '${id.slice(0, 128)}' is malformed`);
    table.set(id, { hash, created: typeof created === 'string' ? created : '' });
  }
  return table;
}

export function serializeCredentials(table: CredentialTable): string {
  const sensors = Object.fromEntries([...table].sort(([a], [b]) => a.localeCompare(b)));
  const header =
    '# MQTT credentials of the sensors: scrypt hashes only. Managed with `npm run sensors -- add|revoke|list`.\n';
  return header + stringify({ sensors });
}
