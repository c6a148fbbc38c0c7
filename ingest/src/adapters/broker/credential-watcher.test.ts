import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialWatcher } from './credential-watcher.js';
import { serializeCredentials, type SensorCredential } from './sensor-credentials.js';

const credential = (key: string): SensorCredential => ({
  hash: `scrypt$16384$8$1$c2FsdA==$${Buffer.from(key).toString('base64')}`,
  created: '2026-12-01T00:00:00.000Z',
});

describe('CredentialWatcher', () => {
  let dir: string;
  let file: string;
  let watcher: CredentialWatcher;
  const revoked: string[][] = [];
  const write = (entries: Record<string, SensorCredential>) =>
    writeFile(file, serializeCredentials(new Map(Object.entries(entries))));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-credentials-'));
    file = join(dir, 'mqtt-credentials.yaml');
    revoked.length = 0;
    watcher = new CredentialWatcher({ file, pollMs: 60_000, logger: pino({ level: 'silent' }) });
    watcher.onRevoked((ids) => revoked.push([...ids]));
  });
  afterEach(async () => {
    watcher.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a missing file as no sensors', async () => {
    await watcher.reload();
    expect(watcher.size).toBe(0);
  });

  it('reports sensors removed or re-issued, not those added or kept', async () => {
    await write({ 'aq-1': credential('one'), 'aq-2': credential('two'), 'aq-3': credential('three') });
    await watcher.reload();
    expect(watcher.size).toBe(3);
    await write({ 'aq-2': credential('two again'), 'aq-3': credential('three'), 'aq-4': credential('four') });
    await watcher.reload();
    expect(revoked).toEqual([['aq-1', 'aq-2']]);
    expect(watcher.get('aq-1')).toBeUndefined();
    expect(watcher.get('aq-4')).toEqual(credential('four'));
  });

  it('keeps the last good table when the file turns malformed', async () => {
    await write({ 'aq-1': credential('one') });
    await watcher.reload();
    await writeFile(file, 'sensors:\n  aq-1:\n    hash: plain-text\n');
    await watcher.reload();
    expect(watcher.get('aq-1')).toEqual(credential('one'));
    expect(revoked).toEqual([]);
  });

  it('revokes everyone when the file is deleted', async () => {
    await write({ 'aq-1': credential('one') });
    await watcher.reload();
    await rm(file);
    await watcher.reload();
    expect(revoked).toEqual([['aq-1']]);
  });
});
