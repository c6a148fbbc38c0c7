import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter, DeadLetterLog, StoredReading } from '@ssc-monitor/core';
import { createLogger } from '../../ingest/src/logger.js';
import { InfluxStore, type InfluxStoreOptions } from '../../ingest/src/adapters/store/influx/index.js';
import { toLineProtocol } from '../../ingest/src/adapters/store/influx/line-protocol.js';
import { describeStoreContract, type BuildStore, type StoreFixture } from '../contracts/store-contract.js';
import {
  DAY,
  MINUTE,
  PM25,
  T0,
  byTimeThenSensor,
  expectedAggregate,
  reading,
} from '../contracts/store-fixtures.js';
import { startInfluxServer, type InfluxServer } from '../helpers/influxdb.js';
import { waitFor } from '../helpers/wait-for.js';

let server: InfluxServer | undefined;
let spoolRoot = '';

beforeAll(async () => {
  server = await startInfluxServer();
  spoolRoot = await mkdtemp(join(tmpdir(), 'ssc-influx-spool-'));
});

afterAll(async () => {
  await server?.dispose();
  await rm(spoolRoot, { recursive: true, force: true });
});

function running(): InfluxServer {
  if (server === undefined) throw new Error('influxd has not started');
  return server;
}

/** InfluxQL straight to the server, bypassing the adapter. */
async function influxql(q: string, db?: string): Promise<unknown> {
  const params = new URLSearchParams({ q, ...(db === undefined ? {} : { db }) });
  const response = await fetch(`${running().url}/query`, { method: 'POST', body: params });
  return response.json();
}

/** The values of one column of every row of the first series of an answer. */
async function column(db: string, q: string, index = 0): Promise<unknown[]> {
  const answer = (await influxql(q, db)) as { results: [{ series?: [{ values: unknown[][] }] }] };
  return (answer.results[0].series?.[0]?.values ?? []).map((row) => row[index]);
}

/** One database (and spool folder) per location; short backoff so that tests recover quickly. */
function storeOn(bucket: string, extra: Partial<InfluxStoreOptions> = {}): InfluxStore {
  return new InfluxStore({
    url: running().url,
    bucket,
    spoolDir: join(spoolRoot, bucket),
    retry: { minDelayMs: 50, maxDelayMs: 400 },
    drainTimeoutMs: 1000,
    logger: createLogger('silent', false),
    ...extra,
  });
}

const buildInflux: BuildStore = async (location, options) => {
  const bucket = location ?? `ssc_${randomUUID().replaceAll('-', '')}`;
  const store = storeOn(bucket, options);
  await store.start();
  return {
    store,
    location: bucket,
    async teardown() {
      await store.close();
      await influxql(`DROP DATABASE "${bucket}"`);
      await rm(join(spoolRoot, bucket), { recursive: true, force: true });
    },
  };
};

describeStoreContract('InfluxStore (InfluxDB 1.6)', buildInflux);

describe('InfluxStore on a real InfluxDB', () => {
  const fixtures: StoreFixture[] = [];
  const open = async (location?: string): Promise<InfluxStore> => {
    const fixture = await buildInflux(location);
    fixtures.push(fixture);
    return fixture.store as InfluxStore;
  };

  afterEach(async () => {
    if (!running().running) await running().restart();
    for (const fixture of fixtures.splice(0).reverse()) await fixture.teardown();
  });

  const window = { quantity: PM25, from: T0, to: T0 + DAY };

  it('stores and filters sensor ids that line protocol and InfluxQL must escape', async () => {
    const store = await open();
    const ids = ['a,b=c d', 'new\nline', 'back\\slash', 'trail\\', 'quo\'te"s', '50%', 'tab\there'];
    const written = ids.map((id, i) => reading(id, `district ${i},x=y`, T0 + i * MINUTE, i));
    await store.write(written);
    await store.maintain();
    expect(await store.readings(window)).toEqual(written);
    for (const point of written) {
      const filtered = { ...window, sensorIds: [point.sensorId], districts: [point.district] };
      expect(await store.readings(filtered)).toEqual([point]);
      expect(await store.aggregate({ ...filtered, every: DAY, groupBy: 'sensor' })).toEqual([
        {
          bucket: T0,
          sensorId: point.sensorId,
          count: 1,
          sum: point.value,
          min: point.value,
          max: point.value,
        },
      ]);
      // Sensors merged: read from the district roll-ups, whose district tag must round-trip too.
      const inDistrict = { ...window, districts: [point.district], every: DAY, groupBy: 'none' } as const;
      expect(await store.aggregate(inDistrict)).toEqual([
        { bucket: T0, count: 1, sum: point.value, min: point.value, max: point.value },
      ]);
    }
    const latest = await store.latest({ sensorIds: ['quo\'te"s'] });
    expect(latest.map((row) => row.district)).toEqual(['district 4,x=y']);
    // Nothing leaked into the line structure: no tag key beyond the four, one series per id and
    // resolution (raw, 1h, 1d) and per district and district resolution (district-1h, district-1d).
    const db = fixtures[0]!.location;
    expect(await column(db, 'SHOW TAG KEYS FROM "readings"')).toEqual([
      'district',
      'quantity',
      'resolution',
      'sensor',
    ]);
    const series = (await influxql('SHOW SERIES FROM "readings"', db)) as {
      results: [{ series: [{ values: unknown[] }] }];
    };
    expect(series.results[0].series[0].values).toHaveLength(5 * ids.length);
  });

  it('keeps roll-ups in the one measurement `readings`, tagged by resolution', async () => {
    const store = await open();
    const db = fixtures[0]!.location;
    const written = burst('air', 0, 3000);
    await store.write(written);
    await store.maintain();
    expect(await column(db, 'SHOW MEASUREMENTS')).toEqual(['readings']);
    expect(await column(db, 'SHOW TAG VALUES FROM "readings" WITH KEY = "resolution"', 1)).toEqual([
      '1d',
      '1h',
      'district-1d',
      'district-1h',
    ]);
    for (const resolution of ['1d', 'district-1h', 'district-1d']) {
      const total = `SELECT sum("count") FROM "readings" WHERE "resolution" = '${resolution}'`;
      expect(await column(db, total, 1), resolution).toEqual([written.length]);
    }
    const districtSeries = `SHOW SERIES FROM "readings" WHERE "resolution" = 'district-1h'`;
    const keys = (await column(db, districtSeries)).map(String);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes('sensor='))).toEqual([]);
    const raw = `SELECT count("value") FROM "readings" WHERE "resolution" = ''`;
    expect(await column(db, raw, 1)).toEqual([written.length]);
  });

  it('reads raw readings until it has rolled up a bucket written before roll-ups existed', async () => {
    const bucket = `ssc_${randomUUID().replaceAll('-', '')}`;
    await influxql(`CREATE DATABASE "${bucket}"`);
    const written = burst('air', 0, 4000);
    const response = await fetch(`${running().url}/write?db=${bucket}&precision=ms`, {
      method: 'POST',
      body: toLineProtocol(written),
    });
    expect(response.status).toBe(204);
    const store = await open(bucket);
    const query = { ...window, to: T0 + 4 * DAY, every: DAY, groupBy: 'sensor' } as const;
    const expected = expectedAggregate(written, query);
    expect(await store.aggregate(query)).toEqual(expected);
    await store.maintain();
    expect(await column(bucket, 'SHOW TAG VALUES FROM "readings" WITH KEY = "resolution"', 1)).toEqual([
      '1d',
      '1h',
      'district-1d',
      'district-1h',
    ]);
    expect(await store.aggregate(query)).toEqual(expected);
  });

  it('dead-letters the readings InfluxDB refuses, writes the rest of their batch, and goes on', async () => {
    const letters: DeadLetter[] = [];
    const deadLetters: DeadLetterLog = {
      add: async (added) => void letters.push(...added),
      list: async () => letters,
      countsBySensor: async () => new Map(),
    };
    const bucket = `ssc_${randomUUID().replaceAll('-', '')}`;
    const store = storeOn(bucket, { deadLetters });
    await store.start();
    fixtures.push({ store, location: bucket, teardown: () => store.close() });
    // A string `value` makes the server refuse float values of `readings` in this shard (400).
    const conflict = 'readings,district=centre,quantity=pm25,sensor=air-09 value="text" ' + String(T0);
    const response = await fetch(`${running().url}/write?db=${bucket}&precision=ms`, {
      method: 'POST',
      body: conflict,
    });
    expect(response.status).toBe(204);
    // The conflict holds for that shard only; a month later is another shard, which takes floats.
    const good = [
      reading('air-01', 'centre', T0 + 30 * DAY, 2),
      reading('air-02', 'centre', T0 + 31 * DAY, 3),
    ];
    await store.write([good[0]!, reading('air-01', 'centre', T0, 1), good[1]!]);
    expect(store.rejected()).toBe(1);
    expect(store.pending()).toBe(0);
    expect(letters.map((l) => [l.code, l.sensorId])).toEqual([['INGEST_ERR_STORE_REFUSED', 'air-01']]);
    expect(letters[0]!.payloadExcerpt).toContain(String(T0));
    expect(await store.readings({ ...window, from: T0 + DAY, to: T0 + 32 * DAY })).toEqual(good);
    expect(store.lastError).toBeUndefined();
  });

  it('starts while InfluxDB is down, spools, and forwards once it answers', async () => {
    await running().stop();
    const store = await open(); // resolves: an unreachable server is no reason to fail
    expect(await store.ping()).toBe(false);
    const written = burst('air', 0, 300);
    await store.write(written);
    expect(store.pending()).toBe(300);
    await running().restart();
    await waitFor('the spool to drain', () => store.pending() === 0, { timeoutMs: 20_000 });
    await expectStoredOnce(store, [written]);
  });

  it('loses and duplicates nothing written while InfluxDB is down', async () => {
    const store = await open();
    const before = burst('air', 0, 2000);
    await store.write(before);
    await running().stop();
    const during = [burst('air', 1000, 3000), burst('air', 3000, 1500), burst('noise', 0, 500)];
    for (const batch of during) await store.write(batch); // resolves: durable in the spool
    expect(store.pending()).toBe(5000);
    expect(store.lastError).toBeDefined();
    expect(await store.ping()).toBe(false);
    await running().restart();
    await waitFor('the spool to drain', () => store.pending() === 0, { timeoutMs: 20_000 });
    await expectStoredOnce(store, [before, ...during]);
  });

  it('forwards, on the next start, what was still spooled at close', async () => {
    const first = await open();
    const bucket = fixtures[0]!.location;
    await running().stop();
    const spooled = burst('air', 0, 12_000); // more than one spool segment
    await first.write(spooled);
    await first.close(); // drains for a bounded time, then leaves the rest on disk
    expect(first.pending()).toBe(12_000);
    const segments = (await readdir(join(spoolRoot, bucket))).filter((name) => name.endsWith('.lp'));
    expect(segments).toHaveLength(3);
    await running().restart();
    const second = await open(bucket);
    expect(second.pending()).toBe(0);
    await expectStoredOnce(second, [spooled]);
  });
});

/** `count` readings from one sensor a minute apart from T0 + `offset` minutes; overlaps rewrite points. */
function burst(sensor: string, offset: number, count: number): StoredReading[] {
  return Array.from({ length: count }, (_, k) =>
    reading(`${sensor}-01`, 'centre', T0 + (offset + k) * MINUTE, ((offset + k) % 97) / 4),
  );
}

/** Every point written is stored exactly once, with its last written value. */
async function expectStoredOnce(store: InfluxStore, batches: readonly StoredReading[][]): Promise<void> {
  const byKey = new Map<string, StoredReading>();
  for (const point of batches.flat()) byKey.set(`${point.sensorId}/${point.ts}`, point);
  const expected = [...byKey.values()].sort(byTimeThenSensor);
  const all = { quantity: PM25, from: T0, to: T0 + 10 * DAY };
  const stored = await store.readings(all);
  expect(stored.length).toBe(expected.length);
  expect(stored).toEqual(expected);
  const buckets = await store.aggregate({ ...all, every: DAY, groupBy: 'none' });
  expect(buckets.reduce((sum, row) => sum + row.count, 0)).toBe(expected.length);
}
