import { DiskSpool } from '../ingest/src/spool/disk-spool.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const body = 'R["bench-1-1","pm25",1,1790000000000,"bench"]\n'.repeat(500);
for (const streams of [1, 4, 1, 4]) {
  const dirs = await Promise.all(Array.from({ length: streams }, () => mkdtemp(join(tmpdir(), 'par-'))));
  const spools = dirs.map((d) => new DiskSpool(d, { extension: 'jsonl' }));
  await Promise.all(spools.map((s) => s.open()));
  const t = performance.now();
  await Promise.all(spools.map(async (s) => { for (let i = 0; i < 60 / streams; i++) await s.append(body, 500); }));
  console.log(streams, 'streams: ms per segment', ((performance.now() - t) / 60).toFixed(2));
  for (const d of dirs) await rm(d, { recursive: true });
}
