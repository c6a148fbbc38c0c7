import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadLetter, RejectionCode } from '@ssc-monitor/core';
import { createEmbeddedStorage, type EmbeddedStorage } from './embedded-storage.js';
import { StoreError } from './store-error.js';

const T0 = Date.UTC(2026, 2, 1);

const letter = (
  sensorId: string | null,
  receivedAt: number,
  code: RejectionCode = 'INGEST_ERR_NOT_JSON',
): DeadLetter => ({
  topic: sensorId === null ? 'elsewhere/x' : `sensors/${sensorId}`,
  sensorId,
  code,
  reason: `payload of ${sensorId ?? 'nobody'} is not JSON`,
  payloadExcerpt: '{"pm25": 1\uFFFD',
  payloadBytes: 1200,
  receivedAt,
});

describe('EmbeddedDeadLetterLog', () => {
  let dataDir: string;
  let storage: EmbeddedStorage;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ssc-dead-letters-'));
    storage = createEmbeddedStorage({ dataDir });
    await storage.start();
  });

  afterEach(async () => {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists newest first, at most `limit`, and by sensor', async () => {
    const { deadLetters } = storage;
    await deadLetters.add([letter('a', T0), letter('b', T0 + 2, 'INGEST_ERR_SCHEMA'), letter(null, T0 + 1)]);
    await deadLetters.add([letter('a', T0 + 3, 'INGEST_ERR_OUT_OF_RANGE')]);
    expect(await deadLetters.list({ limit: 10 })).toEqual([
      letter('a', T0 + 3, 'INGEST_ERR_OUT_OF_RANGE'),
      letter('b', T0 + 2, 'INGEST_ERR_SCHEMA'),
      letter(null, T0 + 1),
      letter('a', T0),
    ]);
    expect(await deadLetters.list({ limit: 2 })).toHaveLength(2);
    expect(await deadLetters.list({ limit: 0 })).toEqual([]);
    expect(await deadLetters.list({ limit: 10, sensorId: 'a' })).toEqual([
      letter('a', T0 + 3, 'INGEST_ERR_OUT_OF_RANGE'),
      letter('a', T0),
    ]);
  });

  it('keeps insertion order among letters received in the same millisecond', async () => {
    await storage.deadLetters.add([letter('first', T0), letter('second', T0), letter('third', T0)]);
    const listed = await storage.deadLetters.list({ limit: 3 });
    expect(listed.map((l) => l.sensorId)).toEqual(['third', 'second', 'first']);
  });

  it('counts rejections per sensor, leaving out letters without one', async () => {
    await storage.deadLetters.add([
      letter('a', T0),
      letter('a', T0 + 1),
      letter('b', T0 + 2),
      letter(null, T0 + 3),
    ]);
    expect(await storage.deadLetters.countsBySensor()).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });

  it('keeps letters across close and reopen, and works on after the store closes', async () => {
    await storage.store.close();
    await storage.deadLetters.add([letter('a', T0)]);
    await storage.close();
    storage = createEmbeddedStorage({ dataDir });
    await storage.start();
    expect(await storage.deadLetters.list({ limit: 5 })).toEqual([letter('a', T0)]);
    expect(await storage.deadLetters.countsBySensor()).toEqual(new Map([['a', 1]]));
  });

  it('refuses use after close with STORE_ERR_CLOSED', async () => {
    await storage.close();
    const error: unknown = await storage.deadLetters.list({ limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('STORE_ERR_CLOSED');
  });
});
