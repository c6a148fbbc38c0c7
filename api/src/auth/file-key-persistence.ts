import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse, stringify } from 'yaml';
import { AuthError } from './auth-errors.js';
import type { ApiKeyPersistence, ApiKeyRecord } from './api-key-store.js';
import { ROLES } from './roles.js';

const KeyFileSchema = Type.Object({
  keys: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1 }),
      name: Type.String(),
      role: Type.Union(ROLES.map((r) => Type.Literal(r))),
      hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
      createdAt: Type.String(),
      revokedAt: Type.Optional(Type.String()),
    }),
  ),
});

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Keys in a YAML file (hashes only), mode 0600. The file is read again whenever it is replaced, so
 * keys created or revoked with the CLI take effect on a running server.
 */
export class FileKeyPersistence implements ApiKeyPersistence {
  private cached: { version: string; records: readonly ApiKeyRecord[] } | undefined;

  constructor(private readonly path: string) {}

  async read(): Promise<readonly ApiKeyRecord[]> {
    let version: string;
    try {
      // Every write renames a new file into place, so the inode changes even within one clock tick.
      const info = await stat(this.path);
      version = `${info.ino}:${info.mtimeMs}:${info.size}`;
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    if (this.cached?.version === version) return this.cached.records;
    const records = this.parse(await readFile(this.path, 'utf8'));
    this.cached = { version, records };
    return records;
  }

  async write(records: readonly ApiKeyRecord[]): Promise<void> {
    const text =
      '# API keys of ssc-monitor: SHA-256 hashes only. Manage with `npm run keys -- --help`.\n' +
      stringify({ keys: records });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
    this.cached = undefined;
  }

  private parse(text: string): readonly ApiKeyRecord[] {
    let value: unknown;
    try {
      value = parse(text) ?? { keys: [] };
    } catch (cause) {
      throw new AuthError('AUTH_ERR_KEYS_FILE_INVALID', `${this.path} is not valid YAML.`, { cause });
    }
    if (!Value.Check(KeyFileSchema, value)) {
      const first = [...Value.Errors(KeyFileSchema, value)][0];
      const where = first === undefined ? '' : ` at ${first.path}: ${first.message}`;
      throw new AuthError('AUTH_ERR_KEYS_FILE_INVALID', `${this.path} has a malformed key${where}.`);
    }
    return value.keys;
  }
}
