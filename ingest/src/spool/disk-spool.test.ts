import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskSpool } from './disk-spool.js';

describe('DiskSpool', () => {
  let dir: string;

  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'ssc-spool-')), 'spool');
  });

  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  const opened = async (): Promise<DiskSpool> => {
    const spool = new DiskSpool(dir);
    await spool.open();
    return spool;
  };

  it('creates its folder, keeps batches in order, and counts pending readings', async () => {
    const spool = await opened();
    expect(spool.first()).toBeUndefined();
    const a = await spool.append('a 1\na 2', 2);
    const b = await spool.append('b 1', 1);
    expect(spool.first()).toEqual(a);
    expect([spool.pending(), spool.batches()]).toEqual([3, 2]);
    expect(await spool.read(a)).toBe('a 1\na 2');
    await spool.remove(a);
    expect(spool.first()).toEqual(b);
    expect([spool.pending(), spool.batches(), spool.has(a.seq), spool.has(b.seq)]).toEqual([
      1,
      1,
      false,
      true,
    ]);
    await spool.remove(a); // already gone: no error, no double count
    expect(spool.pending()).toBe(1);
  });

  it('queues concurrent appends in call order', async () => {
    const spool = await opened();
    const big = 'x'.repeat(1 << 20);
    const entries = await Promise.all([
      spool.append(big, 1),
      spool.append('small', 1),
      spool.append('tiny', 1),
    ]);
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(spool.first()).toEqual(entries[0]);
  });

  it('finds what an earlier run left, in order, and continues its numbering', async () => {
    const first = await opened();
    const kept = [await first.append('one', 1), await first.append('two\nthree', 2)];
    const again = await opened();
    expect([again.pending(), again.batches()]).toEqual([3, 2]);
    expect(again.first()).toEqual(kept[0]);
    expect(await again.read(kept[1]!)).toBe('two\nthree');
    expect((await again.append('four', 1)).seq).toBe(2);
  });

  it('deletes torn temporary files on open and ignores foreign files', async () => {
    const spool = await opened();
    const whole = await spool.append('whole', 1);
    await writeFile(join(dir, '0000000000000001-5000.lp.tmp'), 'torn half of a bat');
    await writeFile(join(dir, 'notes.txt'), 'not a batch');
    const reopened = await opened();
    expect([reopened.batches(), reopened.pending()]).toEqual([1, 1]);
    expect(reopened.first()).toEqual(whole);
    expect((await readdir(dir)).sort()).toEqual(['0000000000000000-1.lp', 'notes.txt']);
  });

  it('keeps the memo of a segment until it is removed, within its record budget, and not across a reopen', async () => {
    const spool = new DiskSpool<string>(dir, { memoRecords: 3 });
    await spool.open();
    const a = await spool.append('a 1\na 2', 2, 'memo a');
    const b = await spool.append('b 1\nb 2', 2, 'memo b');
    const c = await spool.append('c 1', 1, 'memo c');
    // b would exceed the budget of 3 records: read from its file instead.
    expect([spool.memo(a), spool.memo(b), spool.memo(c)]).toEqual(['memo a', undefined, 'memo c']);
    await spool.remove(a);
    expect(spool.memo(a)).toBeUndefined();
    const d = await spool.append('d 1\nd 2', 2, 'memo d');
    expect(spool.memo(d)).toBe('memo d');
    const reopened = new DiskSpool<string>(dir, { memoRecords: 3 });
    await reopened.open();
    expect(reopened.head(10).map((e) => reopened.memo(e))).toEqual([undefined, undefined, undefined]);
    expect(await reopened.read(d)).toBe('d 1\nd 2');
  });
});
