import { randomUUID } from 'node:crypto';
import {
  parseSensorTopic,
  type DeadLetter,
  type HealthReport,
  type SensorState,
  type StoredReading,
} from '@ssc-monitor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttCase } from '../corpus/corpus-case.js';
import { buildMqttCorpus, classCounts } from '../corpus/mqtt-corpus.js';
import { readDurable, replayInterleaved, validTraffic } from '../corpus/replay.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const NOW = Date.now();
const lenient = new TextDecoder('utf-8', { fatal: false });
/** MQTT 3.1.1 §1.5.3: Mosquitto disconnects a client that publishes on a topic with control characters. */
const hasControl = (topic: string) =>
  [...topic].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f));

const brokers = [
  { name: 'embedded broker', env: {} as Record<string, string>, keep: () => true },
  {
    name: 'Mosquitto on 1883',
    env: { MQTT_URL: 'mqtt://127.0.0.1:1883' },
    keep: (c: MqttCase) => !hasControl(c.topic),
  },
];

describe.each(brokers)('the bad-input corpus replayed into the running platform ($name)', (broker) => {
  const prefix = `corpus-${randomUUID().slice(0, 8)}/`;
  const all = buildMqttCorpus({ now: NOW });
  const corpus = all.filter(broker.keep);
  const bad = corpus.filter((c) => c.expect.outcome === 'rejected');
  const good = corpus.filter((c) => c.expect.outcome === 'accepted');
  const valid = validTraffic(corpus.length, NOW);
  const acceptedReadings = good.reduce(
    (n, c) => n + (c.expect.outcome === 'accepted' ? c.expect.readings.length : 0),
    0,
  );
  let platform: TestPlatform | undefined;
  let health: HealthReport;
  let served: DeadLetter[] = [];
  let sensorErrors = 0;
  let letters: DeadLetter[] = [];
  let stored = new Map<string, StoredReading[]>();

  /** Replays the corpus, checks the live process, then stops it and reads what it made durable. */
  beforeAll(async () => {
    if (corpus.length < all.length)
      console.log(
        `${broker.name}: ${all.length - corpus.length} cases left out, their topics have control characters the broker refuses`,
      );
    platform = await startTestPlatform({ MQTT_TOPIC_PREFIX: prefix, ...broker.env });
    const running = platform;
    const client = await running.publisher();
    const started = Date.now();
    await replayInterleaved(client, prefix, corpus, valid);
    const total = corpus.length + valid.length;
    await waitFor('every message handled', () => running.pipeline.counters().messages === total, {
      timeoutMs: 30_000,
    });
    await running.pipeline.flush();
    console.log(
      `${broker.name}: ${total} messages (${bad.length} bad, ${classCounts(corpus).size} classes) in ${Date.now() - started} ms`,
    );
    const response = await running.get<HealthReport>('/api/health');
    expect(response.status).toBe(200);
    health = response.body;
    const api = await running.get<{ deadLetters: DeadLetter[] }>('/api/dead-letters?limit=1000');
    served = api.body.deadLetters;
    const firstBad = bad.find((c) => parseSensorTopic(prefix, prefix + c.topic) !== undefined);
    const sensor = parseSensorTopic(prefix, prefix + (firstBad?.topic ?? ''));
    sensorErrors = (await running.get<SensorState>(`/api/sensors/${sensor ?? ''}`)).body.errors;
    platform = undefined;
    await running.close({ keepData: true });
    ({ letters, stored } = await readDurable(running.dataDir, NOW + 3_600_000));
  }, 90_000);

  afterAll(async () => {
    if (platform) await platform.close();
  });

  it('stays up and counts every message', () => {
    expect(health.broker.connected).toBe(true);
    expect(health.store.ok).toBe(true);
    expect(health.ingest.messages).toBe(corpus.length + valid.length);
    expect(health.ingest.rejected).toBe(bad.length);
    expect(health.ingest.readings).toBe(acceptedReadings + valid.length);
    expect(health.ingest.stored).toBe(acceptedReadings + valid.length);
  });

  it('serves the dead letters and counts a rejection against its sensor', () => {
    expect(served).toHaveLength(bad.length);
    expect(new Set(served.map((l) => l.topic))).toEqual(new Set(bad.map((c) => prefix + c.topic)));
    expect(sensorErrors).toBe(1);
  });

  it('keeps every bad message in the dead-letter store with its reason code', () => {
    expect(letters).toHaveLength(bad.length);
    const byTopic = new Map(letters.map((l) => [l.topic, l]));
    const wrong: string[] = [];
    for (const c of bad) {
      const letter = byTopic.get(prefix + c.topic);
      const expected = c.expect.outcome === 'rejected' ? c.expect.code : '';
      if (letter?.code !== expected) {
        wrong.push(`${c.class}: ${c.description}: ${letter?.code ?? 'missing'}`);
        continue;
      }
      expect(letter.reason.length).toBeGreaterThan(0);
      expect(letter.payloadBytes).toBe(c.payload.byteLength);
      expect(letter.payloadExcerpt).toBe(lenient.decode(c.payload.subarray(0, 256)));
      expect(letter.sensorId).toBe(parseSensorTopic(prefix, prefix + c.topic) ?? null);
    }
    expect(wrong).toEqual([]);
  });

  it('stores every valid reading, exactly, and nothing from a bad message', () => {
    for (const sensorId of new Set(valid.map((v) => v.sensorId))) {
      const expected = valid.filter((v) => v.sensorId === sensorId).map((v) => `${v.ts}=${v.value}`);
      const got = (stored.get(sensorId) ?? []).map((r) => `${r.ts}=${r.value}`);
      expect(got.sort()).toEqual(expected.sort());
    }
    for (const c of bad) {
      const sensorId = parseSensorTopic(prefix, prefix + c.topic);
      if (sensorId !== undefined) expect(stored.get(sensorId), c.description).toBeUndefined();
    }
  });

  it('stores what the platform accepts on purpose, in district unassigned', () => {
    for (const c of good) {
      const sensorId = parseSensorTopic(prefix, prefix + c.topic) ?? '';
      const got = (stored.get(sensorId) ?? []).map((r) => ({
        quantity: r.quantity,
        value: r.value,
        district: r.district,
      }));
      const expected =
        c.expect.outcome === 'accepted'
          ? c.expect.readings.map((r) => ({ ...r, district: 'unassigned' }))
          : [];
      expect(got, `${c.class}: ${c.description}`).toEqual(expected);
    }
  });
});
