import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadLetter, PlatformAlert, Reading, Store, StoredReading } from '@ssc-monitor/core';
import { createEmbeddedStorage, type EmbeddedStorage } from '../adapters/store/index.js';
import { DiskSpool } from '../spool/disk-spool.js';
import { encodeReading } from '../spool/spool-records.js';
import type { IngestObserver } from './ingest-observer.js';
import { IngestPipeline, type IncomingMessage } from './ingest-pipeline.js';

const logger = pino({ level: 'silent' });
const T0 = Date.UTC(2026, 10, 20, 10);
const HOUR = 3_600_000;

class RecordingObserver implements IngestObserver {
  readonly readings: Reading[] = [];
  readonly letters: DeadLetter[] = [];
  message(): void {}
  accepted(_sensorId: string, readings: readonly Reading[]): void {
    this.readings.push(...readings);
  }
  rejected(letter: DeadLetter): void {
    this.letters.push(letter);
  }
}

const message = (sensor: string, body: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
  topic: `sensors/${sensor}`,
  payload: Buffer.from(body),
  receivedAt: T0 + HOUR,
  qos: 1,
  dup: false,
  ...extra,
});

describe('IngestPipeline', () => {
  let dir: string;
  let storage: EmbeddedStorage;
  const pipelines: IngestPipeline[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-pipeline-'));
    storage = createEmbeddedStorage({ dataDir: dir });
    await storage.start();
  });

  afterEach(async () => {
    for (const pipeline of pipelines.splice(0)) await pipeline.stop();
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const alerts: PlatformAlert[] = [];
  const open = async (
    store: Store = storage.store,
    spoolMaxBytes = 1 << 20,
    backlog: { backlogHighWater: number; backlogLowWater: number } | object = {},
  ) => {
    const observer = new RecordingObserver();
    const pipeline = new IngestPipeline(
      {
        store,
        deadLetters: storage.deadLetters,
        districtOf: () => 'centre',
        observer,
        logger,
        alert: (alert) => alerts.push(alert),
      },
      {
        topicPrefix: '',
        maxPayloadBytes: 65_536,
        batchSize: 100,
        spoolDir: join(dir, 'spool'),
        spoolMaxBytes,
        ...backlog,
      },
    );
    pipelines.push(pipeline);
    await pipeline.start();
    return { pipeline, observer };
  };

  const stored = (sensorId: string) =>
    storage.store.readings({ quantity: 'pm25', from: T0 - HOUR, to: T0 + HOUR, sensorIds: [sensorId] });

  it('resolves once durable, tells the observer at once, and stores behind', async () => {
    const { pipeline, observer } = await open();
    const durable = pipeline.handle(message('aq-1', `{"pm25": 12.5, "ts": ${T0}}`));
    expect(observer.readings).toEqual([{ sensorId: 'aq-1', quantity: 'pm25', value: 12.5, ts: T0 }]);
    expect(await durable).toBe(true);
    expect(pipeline.stats.spooled).toBe(1);
    expect(await pipeline.flush()).toBe(true);
    expect(await stored('aq-1')).toEqual([
      { sensorId: 'aq-1', quantity: 'pm25', value: 12.5, ts: T0, district: 'centre' },
    ]);
    expect(pipeline.counters()).toMatchObject({ messages: 1, readings: 1, stored: 1, pending: 0 });
  });

  it('counts a redelivery (dup flag or a point seen before) and stores it once', async () => {
    const { pipeline } = await open();
    const body = `{"pm25": 7, "ts": ${T0}}`;
    await pipeline.handle(message('aq-2', body));
    await pipeline.handle(message('aq-2', body));
    await pipeline.handle(message('aq-2', `{"pm25": 8, "ts": ${T0 + 1000}}`, { dup: true }));
    await pipeline.flush();
    expect(pipeline.stats.redelivered).toBe(2);
    expect((await stored('aq-2')).map((r) => r.value)).toEqual([7, 8]);
  });

  it('spools a rejected message as a dead letter with its reason', async () => {
    const { pipeline, observer } = await open();
    expect(await pipeline.handle(message('aq-3', 'pm25=oops'))).toBe(true);
    await pipeline.flush();
    expect(observer.letters.map((l) => l.code)).toEqual(['INGEST_ERR_NOT_JSON']);
    expect(pipeline.stats.rejectedBy.get('INGEST_ERR_NOT_JSON')).toBe(1);
    const letters = await storage.deadLetters.list({ limit: 5, sensorId: 'aq-3' });
    expect(letters.map((l) => [l.code, l.payloadExcerpt])).toEqual([['INGEST_ERR_NOT_JSON', 'pm25=oops']]);
  });

  it('keeps what the store refuses spooled and retries it', async () => {
    let failures = 2;
    const flaky: Store = Object.create(storage.store) as Store;
    flaky.write = (readings: readonly StoredReading[]) =>
      failures-- > 0 ? Promise.reject(new Error('store down')) : storage.store.write(readings);
    const { pipeline } = await open(flaky);
    expect(await pipeline.handle(message('aq-4', `{"pm25": 3, "ts": ${T0}}`))).toBe(true);
    await expect.poll(() => pipeline.lastStoreError).toBe('store down');
    expect(pipeline.spoolState().segments).toBe(1);
    expect(await pipeline.flush(10_000)).toBe(true);
    expect([pipeline.lastStoreError, pipeline.counters().stored]).toEqual([null, 1]);
    expect(await stored('aq-4')).toHaveLength(1);
  });

  it('on start, forwards what a crashed run left in the spool, ignoring a torn segment', async () => {
    const spoolDir = join(dir, 'spool');
    const previous = new DiskSpool(spoolDir, { extension: 'jsonl' });
    await previous.open();
    const left = { sensorId: 'aq-5', quantity: 'pm25', value: 9, ts: T0, district: 'centre' } as const;
    await previous.append(encodeReading(left, left.district), 1);
    // A crash during a commit leaves a temporary file: never acknowledged, so never forwarded.
    await writeFile(join(spoolDir, '0000000000000001-1.jsonl.tmp'), 'R["aq-5","pm25",1');
    const { pipeline } = await open();
    expect(pipeline.counters()).toMatchObject({ stored: 1, pending: 0 });
    expect(await stored('aq-5')).toEqual([left]);
  });

  it('when the spool is full, QoS 1 waits unacknowledged and QoS 0 is dropped and counted', async () => {
    let open_ = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open_ = resolve));
    const held: Store = Object.create(storage.store) as Store;
    held.write = async (readings) => {
      await gate;
      return storage.store.write(readings);
    };
    // Room for one record: the store holds the first, so the spool stays full.
    const { pipeline } = await open(held, 60);
    const reading = (n: number, qos: 0 | 1) =>
      pipeline.handle(message('aq-6', `{"pm25": ${n}, "ts": ${T0 + n * 1000}}`, { qos }));
    expect(await reading(1, 1)).toBe(true);
    let acknowledged = false;
    const waiting = reading(2, 1).then((durable) => (acknowledged = durable));
    expect(await reading(3, 0)).toBe(false);
    expect([pipeline.stats.dropped, pipeline.spoolState().full, acknowledged]).toEqual([1, true, false]);
    open_();
    expect(await waiting).toBe(true);
    expect(await pipeline.flush()).toBe(true);
    expect((await stored('aq-6')).map((r) => r.value)).toEqual([1, 2]);
    expect(pipeline.spoolState().full).toBe(false);
    expect(alerts.map((a) => [a.code, a.active])).toEqual([
      ['INGEST_ALERT_SPOOL_FULL', true],
      ['INGEST_ALERT_SPOOL_FULL', false],
    ]);
  });

  it('pauses intake while the store lags: QoS 1 waits, QoS 0 is dropped, and every QoS 1 is stored once it recovers', async () => {
    let recover = (): void => undefined;
    const recovered = new Promise<void>((resolve) => (recover = resolve));
    const slow: Store = Object.create(storage.store) as Store;
    slow.write = async (readings) => {
      await recovered;
      return storage.store.write(readings);
    };
    const { pipeline } = await open(slow, 1 << 20, { backlogHighWater: 20, backlogLowWater: 5 });
    const reading = (n: number, qos: 0 | 1) =>
      pipeline.handle(message('aq-7', `{"pm25": ${n}, "ts": ${T0 + n * 1000}}`, { qos }));
    const acknowledged = new Set<number>();
    const qos1 = Array.from({ length: 200 }, (_, i) => i + 1);
    const all = qos1.map((n) => reading(n, 1).then((durable) => durable && acknowledged.add(n)));
    await expect.poll(() => pipeline.spoolState().paused).toBe(true);
    expect(pipeline.flow.open).toBe(false);
    // Held at the gate: what was taken in stays at the high-water mark, the rest is not acknowledged.
    expect(pipeline.spoolState().backlog).toBe(20);
    expect(pipeline.stats.received).toBe(20);
    expect(acknowledged.size).toBeLessThanOrEqual(20);
    expect(await reading(1000, 0)).toBe(false);
    expect(pipeline.stats.droppedBy).toEqual({ spool_full: 0, overload: 1 });
    recover();
    await Promise.all(all);
    expect(await pipeline.flush()).toBe(true);
    expect(acknowledged.size).toBe(200);
    expect((await stored('aq-7')).map((r) => r.value)).toEqual(qos1);
    expect(pipeline.spoolState()).toMatchObject({ paused: false, backlog: 0 });
    expect(pipeline.spoolState().pauses).toBeGreaterThanOrEqual(1);
  });
});
