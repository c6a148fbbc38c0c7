import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_KEYS_FILE, ApiKeyStore, FileKeyPersistence } from '@ssc-monitor/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKeysCommand } from './keys-command.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-keys-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const store = () => new ApiKeyStore(new FileKeyPersistence(join(dir, API_KEYS_FILE)));

describe('npm run keys', () => {
  it('creates a key with a role, prints it once and stores only its hash', async () => {
    const created = await runKeysCommand(dir, [
      'create',
      '--role',
      'planner',
      '--name',
      'Ana (planning office)',
    ]);
    expect(created.ok).toBe(true);
    const key = /(ssc_\S+)/.exec(created.output)?.[1] ?? '';
    expect((await store().verify(key))?.role).toBe('planner');
    expect(await readFile(join(dir, API_KEYS_FILE), 'utf8')).not.toContain(key);
    const listed = await runKeysCommand(dir, ['list']);
    expect(listed.output).toMatch(/planner\s+active .*Ana \(planning office\)/);
    expect(listed.output).not.toContain(key);
  });

  it('revokes by id, after which the key no longer verifies', async () => {
    const created = await runKeysCommand(dir, ['create', '--role', 'viewer', '--name', 'wall']);
    const key = /(ssc_\S+)/.exec(created.output)?.[1] ?? '';
    const id = /key (\w+) \(/.exec(created.output)?.[1] ?? '';
    expect((await runKeysCommand(dir, ['revoke', id])).ok).toBe(true);
    expect(await store().verify(key)).toBeUndefined();
    expect((await runKeysCommand(dir, ['revoke', id])).ok).toBe(false);
  });

  it('refuses an unknown role, a missing name and an unknown command', async () => {
    expect((await runKeysCommand(dir, ['create', '--role', 'mayor', '--name', 'x'])).output).toContain(
      'viewer, operator, planner, admin',
    );
    expect((await runKeysCommand(dir, ['create', '--role', 'viewer'])).ok).toBe(false);
    const unknown = await runKeysCommand(dir, ['rotate']);
    expect(unknown.ok).toBe(false);
    expect(unknown.output).toContain('Usage');
    expect(await store().list()).toEqual([]);
  });
});
