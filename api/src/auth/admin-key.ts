import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiKeyStore } from './api-key-store.js';

/** File names under DATA_DIR. */
export const API_KEYS_FILE = 'api-keys.yaml';
export const ADMIN_KEY_FILE = 'admin-key';
export const REPORT_KEY_FILE = 'report-key';

export type AdminKeyState =
  /** A key was generated now (first start). */
  | { readonly kind: 'created'; readonly key: string; readonly file: string }
  /** The generated key from an earlier start, still active. */
  | { readonly kind: 'kept'; readonly key: string; readonly file: string }
  /** Admin keys exist but none has its plain text on disk: they were made with the keys CLI. */
  | { readonly kind: 'managed' };

async function readKept(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Makes sure someone can administer a fresh install: without any active admin key, one is generated,
 * stored hashed with the others and in plain text in a 0600 file, so every start can print the same
 * key until an operator revokes it with the keys CLI.
 */
export async function ensureAdminKey(keys: ApiKeyStore, dataDir: string): Promise<AdminKeyState> {
  const file = join(dataDir, ADMIN_KEY_FILE);
  const kept = await readKept(file);
  if (kept !== undefined && (await keys.verify(kept))?.role === 'admin')
    return { kind: 'kept', key: kept, file };
  const admins = (await keys.list()).filter((r) => r.role === 'admin' && r.revokedAt === undefined);
  if (admins.length > 0) return { kind: 'managed' };
  const { key } = await keys.create({ name: 'generated admin key', role: 'admin' });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { kind: 'created', key, file };
}

/**
 * The viewer key the platform's own report renderer signs in with (headless Chromium prints the
 * report page like any reader): kept in a 0600 file and made again when missing or revoked.
 */
export async function ensureReportKey(keys: ApiKeyStore, dataDir: string): Promise<string> {
  const file = join(dataDir, REPORT_KEY_FILE);
  const kept = await readKept(file);
  if (kept !== undefined && (await keys.verify(kept)) !== undefined) return kept;
  const { key } = await keys.create({ name: 'report renderer', role: 'viewer' });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}
