import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUANTITIES } from '@ssc-monitor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEVER } from '../rollup-plan.js';
import { JOURNAL_FILE, RollupJournal, hourKeys } from './rollup-journal.js';

const PM25 = QUANTITIES.pm25.id;
const NOISE = QUANTITIES.noise_laeq.id;
const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 1);
const all = { from: -Number.MAX_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

describe('RollupJournal', () => {
  let dir: string;
  let journal: RollupJournal;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-journal-'));
    journal = new RollupJournal(dir);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the distinct hours of a batch, rounding times as line protocol does', () => {
    const point = (ts: number, quantity = PM25) => ({ sensorId: 's', district: 'd', quantity, ts, value: 1 });
    expect(hourKeys([point(T0), point(T0 + H - 0.6), point(T0 + H - 0.5), point(T0, NOISE)])).toEqual([
      { quantity: PM25, hour: T0 },
      { quantity: PM25, hour: T0 + H },
      { quantity: NOISE, hour: T0 },
    ]);
  });

  it('counts reserved hours as lagging at once, and maintains only touched ones', async () => {
    const keys = [{ quantity: PM25, hour: T0 }];
    await journal.reserve(keys);
    expect(journal.laggingHours(PM25, all)).toEqual([T0]);
    expect(journal.snapshot()).toEqual([]);
    journal.touch(keys);
    expect(journal.snapshot()).toEqual([{ quantity: PM25, hour: T0, gen: 1 }]);
    expect(journal.laggingHours(NOISE, all)).toEqual([]);
    expect(journal.laggingHours(PM25, { from: T0 + H, to: T0 + 2 * H })).toEqual([]);
  });

  it('drops an hour after two maintenance passes without writes, keeping one written since', async () => {
    const keys = [
      { quantity: PM25, hour: T0 },
      { quantity: PM25, hour: T0 + H },
    ];
    await journal.reserve(keys);
    journal.touch(keys);
    const first = journal.snapshot();
    journal.settle(first, T0);
    expect(journal.laggingHours(PM25, all)).toEqual([]);
    expect(journal.hasLaggingBefore(T0 + 2 * H)).toBe(false);
    await journal.reserve([keys[1]!]);
    journal.touch([keys[1]!]);
    expect(journal.hasLaggingBefore(T0 + 2 * H)).toBe(true);
    journal.settle(first, T0);
    expect(journal.snapshot().map((m) => m.hour)).toEqual([T0 + H]);
    expect(journal.laggingHours(PM25, all)).toEqual([T0 + H]);
  });

  it('drops hours older than recentFrom after one pass', async () => {
    const keys = [
      { quantity: PM25, hour: T0 },
      { quantity: PM25, hour: T0 + H },
    ];
    await journal.reserve(keys);
    journal.touch(keys);
    journal.settle(journal.snapshot(), T0 + H);
    expect(journal.snapshot().map((m) => m.hour)).toEqual([T0 + H]);
  });

  it('survives a restart: appended hours without a seal line, then a compacted seal', async () => {
    const keys = [{ quantity: PM25, hour: T0 }];
    await journal.reserve(keys);
    journal.touch(keys);
    const reopened = new RollupJournal(dir);
    expect(await reopened.open()).toBe(false);
    expect(reopened.snapshot().map((m) => m.hour)).toEqual([T0]);
    expect(reopened.sealedBefore).toBe(NEVER);
    await reopened.seal(T0 - 24 * H);
    const again = new RollupJournal(dir);
    expect(await again.open()).toBe(true);
    expect(again.sealedBefore).toBe(T0 - 24 * H);
    expect(again.snapshot().map((m) => m.hour)).toEqual([T0]);
  });

  it('asks for every hour again when it is from before district roll-ups, keeping its seal', async () => {
    await appendFile(join(dir, JOURNAL_FILE), `s ${T0}\nd ${PM25} ${T0 + H}\n`);
    expect(await journal.open()).toBe(false);
    expect(journal.sealedBefore).toBe(T0);
    await journal.compact();
    expect(await new RollupJournal(dir).open()).toBe(true);
  });

  it('skips a line torn by a crash and unknown quantities', async () => {
    await appendFile(
      join(dir, JOURNAL_FILE),
      `s ${T0}\nr districts\nd nonsense ${T0}\nd ${PM25} ${T0 + H}\nd pm2`,
    );
    expect(await journal.open()).toBe(true);
    expect(journal.snapshot()).toEqual([{ quantity: PM25, hour: T0 + H, gen: 1 }]);
  });

  it('writes a reserved hour once, and keeps reserved hours through a compaction', async () => {
    const keys = [{ quantity: PM25, hour: T0 }];
    await journal.reserve(keys);
    await journal.reserve(keys);
    expect(await readFile(join(dir, JOURNAL_FILE), 'utf8')).toBe(`d ${PM25} ${T0}\n`);
    await journal.compact();
    expect(await readFile(join(dir, JOURNAL_FILE), 'utf8')).toBe(
      `s ${NEVER}\nr districts\nd ${PM25} ${T0}\n`,
    );
    journal.release(keys);
    journal.release(keys);
    expect(journal.size).toBe(0);
  });
});
