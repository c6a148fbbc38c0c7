import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUANTITIES, type StoredReading } from '@ssc-monitor/core';
import { describeStoreContract, type BuildStore } from '../../../../test/contracts/store-contract.js';
import { DuckDbDatabase, IN_MEMORY } from './duckdb-database.js';
import { EmbeddedStore } from './embedded-store.js';
import { CREATE_READINGS } from './readings-sql.js';
import { StoreError } from './store-error.js';

const PM25 = QUANTITIES.pm25.id;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1);
const point = (sensorId: string, ts: number, value: number): StoredReading => ({
  sensorId,
  quantity: PM25,
  district: 'centre',
  ts,
  value,
});

const buildEmbedded: BuildStore = async (location, options) => {
  const dataDir = location ?? (await mkdtemp(join(tmpdir(), 'ssc-store-')));
  const store = new EmbeddedStore(new DuckDbDatabase({ dataDir }), options);
  await store.start();
  return {
    store,
    location: dataDir,
    async teardown() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

describeStoreContract('EmbeddedStore', buildEmbedded);

describe('EmbeddedStore', () => {
  let store: EmbeddedStore;

  beforeEach(async () => {
    store = new EmbeddedStore(new DuckDbDatabase({ dataDir: IN_MEMORY }));
    await store.start();
  });

  afterEach(async () => {
    await store.close();
  });

  const codeOf = (promise: Promise<unknown>): Promise<unknown> =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof StoreError ? error.code : error),
    );

  it('rejects use before start and after close with STORE_ERR_CLOSED', async () => {
    const unstarted = new EmbeddedStore(new DuckDbDatabase({ dataDir: IN_MEMORY }));
    expect(await codeOf(unstarted.readings({ quantity: PM25, from: 0, to: T0 }))).toBe('STORE_ERR_CLOSED');
    await store.close();
    expect(await codeOf(store.write([point('a', T0, 1)]))).toBe('STORE_ERR_CLOSED');
    expect(await store.ping()).toBe(false);
  });

  it('releases the database when closed while still starting', async () => {
    const database = new DuckDbDatabase({ dataDir: IN_MEMORY });
    const racing = new EmbeddedStore(database);
    const starting = racing.start();
    await racing.close();
    await starting;
    expect(database.isOpen).toBe(false);
    expect(await racing.ping()).toBe(false);
  });

  it('refuses a bucket width that is not a positive whole number of ms', async () => {
    const query = { quantity: PM25, from: 0, to: T0, groupBy: 'none' } as const;
    expect(await codeOf(store.aggregate({ ...query, every: 0 }))).toBe('STORE_ERR_QUERY');
    expect(await codeOf(store.aggregate({ ...query, every: 1.5 }))).toBe('STORE_ERR_QUERY');
  });

  it('stores none of a batch holding a reading without a finite ts', async () => {
    const batch = [point('a', T0, 1), point('b', Number.NaN, 2)];
    expect(await codeOf(store.write(batch))).toBe('STORE_ERR_WRITE');
    expect(await store.readings({ quantity: PM25, from: 0, to: 2 * T0 })).toEqual([]);
  });

  it('takes sensor ids as data, never as SQL', async () => {
    const tricky = ["x'); DROP TABLE readings; --", 'o\'neil "quoted"', 'ünïcode-✓'];
    await store.write(tricky.map((id, i) => point(id, T0 + i, i)));
    const back = await store.readings({ quantity: PM25, from: T0, to: T0 + 10, sensorIds: tricky });
    expect(back.map((r) => r.sensorId)).toEqual(tricky);
  });

  it('aligns buckets to the epoch for times before 1970 too', async () => {
    await store.write([point('a', -1, 1), point('a', -HOUR, 2), point('a', -HOUR - 1, 4)]);
    const rows = await store.aggregate({
      quantity: PM25,
      from: -2 * HOUR,
      to: 0,
      every: HOUR,
      groupBy: 'none',
    });
    expect(rows).toEqual([
      { bucket: -2 * HOUR, count: 1, sum: 4, min: 4, max: 4 },
      { bucket: -HOUR, count: 2, sum: 3, min: 1, max: 2 },
    ]);
  });

  it('keeps every batch of concurrent writes', async () => {
    const batches = Array.from({ length: 20 }, (_, b) =>
      Array.from({ length: 100 }, (_, i) => point(`s${b}`, T0 + i * 1000, b)),
    );
    await Promise.all(batches.map((batch) => store.write(batch)));
    const rows = await store.aggregate({
      quantity: PM25,
      from: T0,
      to: T0 + HOUR,
      every: HOUR,
      groupBy: 'sensor',
    });
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.count === 100)).toBe(true);
  });

  it('finishes a write accepted before close', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ssc-store-'));
    try {
      const fileStore = new EmbeddedStore(new DuckDbDatabase({ dataDir }));
      await fileStore.start();
      const writing = fileStore.write([point('a', T0, 1)]);
      await fileStore.close();
      await writing;
      const reopened = new EmbeddedStore(new DuckDbDatabase({ dataDir }));
      await reopened.start();
      expect(await reopened.readings({ quantity: PM25, from: T0, to: T0 + 1 })).toEqual([point('a', T0, 1)]);
      await reopened.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('moves a reading rewritten with another district to that district in the roll-ups', async () => {
    const day = {
      quantity: PM25,
      from: T0,
      to: T0 + 24 * HOUR,
      every: 24 * HOUR,
      groupBy: 'sensor',
    } as const;
    await store.write([point('a', T0 + 5, 3), point('a', T0 + HOUR, 4)]);
    await store.maintain();
    await store.write([{ ...point('a', T0 + 5, 3), district: 'harbour' }]);
    await store.maintain();
    const row = (count: number, sum: number) => ({
      bucket: T0,
      sensorId: 'a',
      count,
      sum,
      min: sum,
      max: sum,
    });
    expect(await store.aggregate({ ...day, districts: ['centre'] })).toEqual([row(1, 4)]);
    expect(await store.aggregate({ ...day, districts: ['harbour'] })).toEqual([row(1, 3)]);
  });

  it('rolls up the readings of a database from before roll-ups when it opens', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ssc-store-'));
    try {
      const old = new DuckDbDatabase({ dataDir });
      await old.startWith([CREATE_READINGS]);
      await old.write((connection) =>
        connection.run(
          `INSERT INTO readings VALUES ('a', 'pm25', 'centre', ${T0 + 5}, 2), ('a', 'pm25', 'centre', ${T0 + HOUR}, 6)`,
        ),
      );
      await old.close();
      const upgraded = new EmbeddedStore(new DuckDbDatabase({ dataDir }), {
        rawRetentionMs: HOUR,
        clock: { now: () => 2 * T0 },
      });
      await upgraded.start();
      await upgraded.maintain();
      expect(await upgraded.readings({ quantity: PM25, from: 0, to: 2 * T0 })).toEqual([]);
      expect(
        await upgraded.aggregate({
          quantity: PM25,
          from: T0,
          to: T0 + 2 * HOUR,
          every: 2 * HOUR,
          groupBy: 'none',
        }),
      ).toEqual([{ bucket: T0, count: 2, sum: 8, min: 2, max: 6 }]);
      await upgraded.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a raw retention that is not positive', () => {
    const database = new DuckDbDatabase({ dataDir: IN_MEMORY });
    expect(() => new EmbeddedStore(database, { rawRetentionMs: 0 })).toThrow(StoreError);
  });

  it('fails to start with STORE_ERR_OPEN when the data directory is a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ssc-store-'));
    try {
      await writeFile(join(dir, 'taken'), 'not a directory');
      const broken = new EmbeddedStore(new DuckDbDatabase({ dataDir: join(dir, 'taken') }));
      expect(await codeOf(broken.start())).toBe('STORE_ERR_OPEN');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
