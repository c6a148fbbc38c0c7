import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importText } from '@ssc-monitor/ingest/import';
import { createEmbeddedStorage, type EmbeddedStorage } from '@ssc-monitor/ingest/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CORPUS_NOW } from '../corpus/file-case.js';
import { buildFileCorpus } from '../corpus/file-corpus.js';
import { classCounts } from '../corpus/mqtt-corpus.js';

const corpus = buildFileCorpus();
let storage: EmbeddedStorage;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssc-bad-files-'));
  storage = createEmbeddedStorage({ dataDir: dir });
  await storage.start();
  const counts = classCounts(corpus);
  console.log(`file corpus: ${corpus.length} cases in ${counts.size} classes`, Object.fromEntries(counts));
});

afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

/** Readings of a case in the store: its own sensor, or sensors its station column named. */
async function storedFor(sensorId: string): Promise<number> {
  const all = await storage.store.readings({ quantity: 'pm25', from: 0, to: FILE_CORPUS_NOW });
  return all.filter((r) => r.sensorId === sensorId || r.sensorId.startsWith(`${sensorId}-`)).length;
}

describe('the bad-file corpus through the import path (the feeds row parser and mapper)', () => {
  it.each(corpus.map((c) => [c.class, c.description, c] as const))('%s: %s', async (_cls, _what, c) => {
    const result = await importText(c.text, `${c.sensorId}.${c.mapping.format}`, c.mapping, {
      store: storage.store,
      districtOf: () => 'unassigned',
      now: FILE_CORPUS_NOW,
    });
    if (c.expect.outcome === 'refused') {
      expect(result.ok ? 'imported' : (result.problem?.code ?? JSON.stringify(result.issues))).toBe(
        c.expect.code,
      );
      expect(await storedFor(c.sensorId)).toBe(0);
      return;
    }
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
    const { summary } = result;
    expect(summary.errorCounts).toEqual(c.expect.errors);
    expect(summary.readings).toBe(c.expect.readings);
    expect(await storedFor(c.sensorId)).toBe(c.expect.readings);
    const errorTotal = Object.values(c.expect.errors).reduce((a, b) => a + b, 0);
    expect(summary.errors).toHaveLength(Math.min(errorTotal, 100));
    for (const error of summary.errors) expect(error.message.length).toBeGreaterThan(0);
    if (c.mapping.format === 'csv') for (const error of summary.errors) expect(error.line).toBeGreaterThan(1);
  });
});
