import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanYaml } from '@ssc-monitor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PLAN_FILE } from '../../plan-loader.js';
import { FilePlanRepository } from './file-plan-repository.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-plan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function demoPlan() {
  const parsed = parsePlanYaml(await readFile(DEMO_PLAN_FILE, 'utf8'));
  if (!parsed.ok) throw new Error('demo plan invalid');
  return parsed.plan;
}

describe('FilePlanRepository', () => {
  it('keeps every version with who, when and why, newest first in the history', async () => {
    const repo = new FilePlanRepository(dir);
    expect(await repo.latest()).toBeUndefined();
    const plan = await demoPlan();
    const first = await repo.save(plan, { author: 'plan file', note: 'initial\nimport' });
    const changed = { ...plan, tolerance: 0.2 };
    const second = await repo.save(changed, { author: 'ana.planner', note: 'wider tolerance' });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect((await repo.latest())?.plan.tolerance).toBe(0.2);
    expect((await repo.get(1))?.plan).toEqual(plan);
    const history = await repo.history();
    expect(history.map((h) => [h.version, h.author, h.note])).toEqual([
      [2, 'ana.planner', 'wider tolerance'],
      [1, 'plan file', 'initial import'],
    ]);
    // A new repository over the same folder sees the same versions (they are on disk).
    expect((await new FilePlanRepository(dir).latest())?.version).toBe(2);
  });
});
