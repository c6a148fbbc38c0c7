import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskSpool } from './disk-spool.js';
import { GroupCommitSpool } from './group-commit-spool.js';

const logger = pino({ level: 'silent' });
const record = (n: number): string => `R["s-${n}","pm25",${n},${n},"d"]\n`;

describe('GroupCommitSpool', () => {
  let dir: string;
  let disk: DiskSpool;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-group-commit-'));
    disk = new DiskSpool(join(dir, 'spool'), { extension: 'jsonl' });
    await disk.open();
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a burst of appends durable with one segment (one fsync), in order', async () => {
    const spool = new GroupCommitSpool({ spool: disk, maxBytes: 1 << 20, logger });
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, n) => spool.append(record(n), 1, 'wait')),
    );
    expect(results.every(Boolean)).toBe(true);
    expect(spool.commits).toBe(1);
    expect([disk.batches(), disk.pending()]).toEqual([1, 500]);
    const body = await disk.read(disk.first()!);
    expect(body.split('\n').slice(0, 3)).toEqual([record(0), record(1), record(2)].map((l) => l.trim()));
  });

  it('commits what arrives during a write in the next segment', async () => {
    const spool = new GroupCommitSpool({ spool: disk, maxBytes: 1 << 20, logger });
    const first = spool.append(record(1), 1, 'wait');
    await new Promise<void>((resolve) => setImmediate(resolve));
    // The first segment is being written now: these three share the second one.
    const later = [2, 3, 4].map((n) => spool.append(record(n), 1, 'wait'));
    expect(await first).toBe(true);
    expect(await Promise.all(later)).toEqual([true, true, true]);
    expect(disk.head(10).map((entry) => entry.count)).toEqual([1, 3]);
  });

  it('when full, holds QoS 1 until the store frees room, drops QoS 0, and says so', async () => {
    const changes: boolean[] = [];
    const maxBytes = record(1).length * 3;
    const spool = new GroupCommitSpool({
      spool: disk,
      maxBytes,
      logger,
      onFullChange: (f) => changes.push(f),
    });
    expect(await Promise.all([1, 2, 3].map((n) => spool.append(record(n), 1, 'wait')))).toEqual([
      true,
      true,
      true,
    ]);
    let held: boolean | undefined;
    const waiting = spool.append(record(4), 1, 'wait').then((durable) => (held = durable));
    expect(await spool.append(record(5), 1, 'drop')).toBe(false);
    await spool.idle();
    expect([spool.full, spool.waiting, held]).toEqual([true, 1, undefined]);
    await disk.remove(disk.first()!);
    spool.released();
    expect(await waiting).toBe(true);
    expect(spool.full).toBe(false);
    expect(changes).toEqual([true, false]);
    expect(disk.pending()).toBe(1);
  });

  it('on stop, appends still waiting for room are never made durable', async () => {
    const spool = new GroupCommitSpool({ spool: disk, maxBytes: record(1).length, logger });
    expect(await spool.append(record(1), 1, 'wait')).toBe(true);
    const waiting = spool.append(record(2), 1, 'wait');
    await spool.stop();
    expect(await waiting).toBe(false);
    expect(await spool.append(record(3), 1, 'wait')).toBe(false);
    expect(disk.pending()).toBe(1);
  });

  it('writes several segments at once and lists them in append order', async () => {
    const concurrent = new DiskSpool(join(dir, 'concurrent'), { extension: 'jsonl', concurrency: 4 });
    await concurrent.open();
    const spool = new GroupCommitSpool({
      spool: concurrent,
      maxBytes: 1 << 20,
      logger,
      concurrentCommits: 4,
    });
    const appends: Promise<boolean>[] = [];
    for (let turn = 0; turn < 6; turn++) {
      appends.push(...[0, 1].map((i) => spool.append(record(turn * 2 + i), 1, 'wait')));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect((await Promise.all(appends)).every(Boolean)).toBe(true);
    await spool.idle();
    const entries = concurrent.head(100);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
    const bodies = await Promise.all(entries.map((e) => concurrent.read(e)));
    expect(bodies.join('')).toBe(Array.from({ length: 12 }, (_, n) => record(n)).join(''));
    expect(spool.commits).toBe(entries.length);
  });
});
