import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedStorage, type EmbeddedStorage } from '../adapters/store/index.js';
import { importText } from './import-file.js';
import type { ImportMapping } from './import-mapping.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const mapping: ImportMapping = {
  format: 'csv',
  sensor: 'imp-1',
  time: { column: 'time', format: 'iso8601' },
  readings: [{ quantity: 'pm25', column: 'pm25' }],
};

describe('importText', () => {
  let storage: EmbeddedStorage;
  beforeEach(async () => {
    storage = createEmbeddedStorage({ dataDir: ':memory:' });
    await storage.start();
  });
  afterEach(() => storage.close());

  const run = (text: string, m: ImportMapping = mapping) =>
    importText(text, 'file.csv', m, { store: storage.store, districtOf: () => 'north', now: NOW });

  it.each([
    ['', 'FEED_ERR_EMPTY'],
    ['time;pm25\n2026-11-24T00:00:00Z;1\n', 'FEED_ERR_CSV_DELIMITER'],
    ['time,pm25\n"open,1\n', 'FEED_ERR_CSV_SYNTAX'],
    ['when,pm25\n', 'FEED_ERR_MISSING_COLUMN'],
  ])('refuses %j as a whole with %s', async (text, code) => {
    const result = await run(text);
    expect(result.ok ? 'imported' : result.problem?.code).toBe(code);
  });

  it('stores the good rows and reports the bad ones with their lines', async () => {
    const text =
      'time,pm25\n2026-11-24T00:00:00Z,1\n2026-02-30T00:00:00Z,2\n2026-11-24T00:01:00Z,n/a\n2026-11-24T00:02:00Z,3\n';
    const result = await run(text);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.summary).toMatchObject({ rowsRead: 4, rowsRejected: 2, readings: 2, sensors: ['imp-1'] });
    expect(result.summary.errorCounts).toEqual({ FEED_ERR_BAD_TIMESTAMP: 1, FEED_ERR_NOT_A_NUMBER: 1 });
    expect(result.summary.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'FEED_ERR_BAD_TIMESTAMP'],
      [4, 'FEED_ERR_NOT_A_NUMBER'],
    ]);
    const stored = await storage.store.readings({ quantity: 'pm25', from: 0, to: NOW });
    expect(stored.map((r) => [r.value, r.district])).toEqual([
      [1, 'north'],
      [3, 'north'],
    ]);
  });

  it('gives mapping issues without a problem code', async () => {
    const result = await run('time,pm25\n', { ...mapping, readings: [{ quantity: 'pm1', column: 'pm25' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBeUndefined();
      expect(result.issues[0]?.path).toBe('/readings/0/quantity');
    }
  });
});
