import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureAdminKey, ADMIN_KEY_FILE, API_KEYS_FILE } from './admin-key.js';
import { ApiKeyStore, hashKey } from './api-key-store.js';
import { AuthError } from './auth-errors.js';
import { FileKeyPersistence } from './file-key-persistence.js';

let dir: string;
let store: ApiKeyStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-keys-'));
  store = new ApiKeyStore(new FileKeyPersistence(join(dir, API_KEYS_FILE)));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('API keys in a file', () => {
  it('stores only the hash, in a file only its owner can read, and verifies the key', async () => {
    const { key, record } = await store.create({ name: 'wall screen', role: 'viewer' });
    expect(key).toMatch(/^ssc_[A-Za-z0-9_-]{43}$/);
    const text = await readFile(join(dir, API_KEYS_FILE), 'utf8');
    expect(text).not.toContain(key);
    expect(text).toContain(hashKey(key));
    expect((await stat(join(dir, API_KEYS_FILE))).mode & 0o777).toBe(0o600);
    expect(await store.verify(key)).toEqual(record);
    expect(await store.verify(`${key}x`)).toBeUndefined();
    expect(await store.verify('not-a-key')).toBeUndefined();
  });

  it('stops verifying a revoked key, and keeps it listed as revoked', async () => {
    const { key, record } = await store.create({ name: 'old laptop', role: 'planner' });
    expect(await store.revoke(record.id)).toBe(true);
    expect(await store.revoke(record.id)).toBe(false);
    expect(await store.verify(key)).toBeUndefined();
    expect((await store.list())[0]?.revokedAt).toMatch(/^\d{4}-/);
  });

  it('sees keys another process wrote (the CLI) without a restart', async () => {
    expect(await store.list()).toEqual([]);
    const other = new ApiKeyStore(new FileKeyPersistence(join(dir, API_KEYS_FILE)));
    const { key } = await other.create({ name: 'from the CLI', role: 'operator' });
    expect((await store.verify(key))?.role).toBe('operator');
  });

  it('rejects a malformed file with a coded error', async () => {
    await writeFile(join(dir, API_KEYS_FILE), 'keys:\n  - id: x\n    role: emperor\n');
    await expect(store.list()).rejects.toSatisfy(
      (e) => e instanceof AuthError && e.code === 'AUTH_ERR_KEYS_FILE_INVALID',
    );
  });
});

describe('the first admin key', () => {
  it('is generated once, kept in a 0600 file, and the same at the next start', async () => {
    const first = await ensureAdminKey(store, dir);
    expect(first.kind).toBe('created');
    if (first.kind === 'managed') throw new Error('unreachable');
    expect((await store.verify(first.key))?.role).toBe('admin');
    expect((await stat(join(dir, ADMIN_KEY_FILE))).mode & 0o777).toBe(0o600);
    const again = await ensureAdminKey(store, dir);
    expect(again).toEqual({ ...first, kind: 'kept' });
    expect(await store.list()).toHaveLength(1);
  });

  it('is not generated when an admin key made with the CLI exists', async () => {
    await store.create({ name: 'ops lead', role: 'admin' });
    expect(await ensureAdminKey(store, dir)).toEqual({ kind: 'managed' });
  });

  it('is generated again after the kept one is revoked and no other admin is left', async () => {
    const first = await ensureAdminKey(store, dir);
    const id = (await store.list())[0]?.id ?? '';
    await store.revoke(id);
    const second = await ensureAdminKey(store, dir);
    expect(second.kind).toBe('created');
    expect(second).not.toEqual({ ...first, kind: 'created' });
  });
});
