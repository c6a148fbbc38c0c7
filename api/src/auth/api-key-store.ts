import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles.js';

/** One API key as stored: never the key itself, only its SHA-256. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** Hex SHA-256 of the key. A key has 256 random bits, so a fast hash is enough (no salt or KDF). */
  readonly hash: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** Where the records live: a YAML file under DATA_DIR in production, memory in tests. */
export interface ApiKeyPersistence {
  read(): Promise<readonly ApiKeyRecord[]>;
  write(records: readonly ApiKeyRecord[]): Promise<void>;
}

export interface CreatedKey {
  /** The plain key: shown once, never stored by the store. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

const KEY_PREFIX = 'ssc_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** API keys for machines and people: create, list, revoke, verify. */
export class ApiKeyStore {
  constructor(private readonly persistence: ApiKeyPersistence) {}

  async create(input: { name: string; role: Role }, now = new Date()): Promise<CreatedKey> {
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: ApiKeyRecord = {
      id: randomUUID().slice(0, 8),
      name: input.name,
      role: input.role,
      hash: hashKey(key),
      createdAt: now.toISOString(),
    };
    await this.persistence.write([...(await this.persistence.read()), record]);
    return { key, record };
  }

  list(): Promise<readonly ApiKeyRecord[]> {
    return this.persistence.read();
  }

  /** Marks a key revoked; false when no active key has that id. */
  async revoke(id: string, now = new Date()): Promise<boolean> {
    const records = await this.persistence.read();
    const found = records.some((r) => r.id === id && r.revokedAt === undefined);
    if (!found) return false;
    const next = records.map((r) => (r.id === id ? { ...r, revokedAt: now.toISOString() } : r));
    await this.persistence.write(next);
    return true;
  }

  /** The active record of a presented key, compared in constant time against every stored hash. */
  async verify(key: string): Promise<ApiKeyRecord | undefined> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 200) return undefined;
    const hash = hashKey(key);
    let match: ApiKeyRecord | undefined;
    for (const record of await this.persistence.read()) {
      // No early exit: the time taken does not depend on which record matches.
      if (sameHash(record.hash, hash) && record.revokedAt === undefined) match = record;
    }
    return match;
  }

  /** The active record with that id (a session re-checks its key on every request). */
  async active(id: string): Promise<ApiKeyRecord | undefined> {
    return (await this.persistence.read()).find((r) => r.id === id && r.revokedAt === undefined);
  }
}

/** Keeps records in memory: tests, and apps built without a DATA_DIR. */
export class MemoryKeyPersistence implements ApiKeyPersistence {
  private records: readonly ApiKeyRecord[] = [];

  read(): Promise<readonly ApiKeyRecord[]> {
    return Promise.resolve(this.records);
  }

  write(records: readonly ApiKeyRecord[]): Promise<void> {
    this.records = records;
    return Promise.resolve();
  }
}
