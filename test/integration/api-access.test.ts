import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_KEYS_FILE, ApiKeyStore, FileKeyPersistence } from '@ssc-monitor/api';
import { PlatformError } from '@ssc-monitor/ingest';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';

describe('API access control on the running platform', () => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  it('honours keys created while it runs, by role, and forgets revoked ones', async () => {
    platform = await startTestPlatform();
    const viewer = await platform.createKey('viewer');
    const planner = await platform.createKey('planner');
    const put = (key: string) =>
      platform!.fetch(
        '/api/plan',
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(platform!.view.plan),
        },
        key,
      );
    expect((await platform.fetch('/api/kpis', {}, viewer)).status).toBe(200);
    expect((await put(viewer)).status).toBe(403);
    expect(platform.view.planVersion).toBe(1);
    expect((await put(planner)).status).toBe(200);
    expect((await platform.fetch('/api/keys', {}, planner)).status).toBe(403);
    const keys = (await (await platform.fetch('/api/keys')).json()) as {
      keys: Array<{ role: string; name: string }>;
    };
    // The generated admin key, the report renderer's own viewer key, and the two made here.
    expect(
      keys.keys.map((k) => `${k.role} ${k.name === 'report renderer' ? 'renderer' : ''}`.trim()).sort(),
    ).toEqual(['admin', 'planner', 'viewer', 'viewer renderer']);

    // As `npm run keys -- revoke <id>` does, from outside the running server.
    const store = new ApiKeyStore(new FileKeyPersistence(join(platform.dataDir, API_KEYS_FILE)));
    const record = await store.verify(viewer);
    expect(await store.revoke(record?.id ?? '')).toBe(true);
    expect((await platform.fetch('/api/kpis', {}, viewer)).status).toBe(401);
  });

  it('refuses to start with an invalid policy file, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ssc-policy-'));
    const policy = join(dir, 'policy.yaml');
    await writeFile(policy, 'routes:\n  GET /api/kpis: mayor\n');
    try {
      await expect(startTestPlatform({ API_POLICY_FILE: policy }, dir)).rejects.toSatisfy(
        (e) => e instanceof PlatformError && e.code === 'PLATFORM_ERR_AUTH' && e.message.includes(policy),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
