import { QUANTITY_IDS, type DeadLetter, type StoredReading } from '@ssc-monitor/core';
import { createEmbeddedStorage } from '@ssc-monitor/ingest/store';
import type { MqttClient } from 'mqtt';
import type { MqttCase } from './corpus-case.js';

/** A valid reading published between two corpus cases. */
export interface ValidReading {
  readonly topic: string;
  readonly sensorId: string;
  readonly value: number;
  readonly ts: number;
}

/** Sensors the valid traffic comes from, a few so that each has many readings. */
const VALID_SENSORS = ['valid-a', 'valid-b', 'valid-c', 'valid-d'];

/** One valid pm25 reading per corpus case, each at its own device time, so none overwrites another. */
export function validTraffic(count: number, now: number): ValidReading[] {
  return Array.from({ length: count }, (_, i) => {
    const sensorId = VALID_SENSORS[i % VALID_SENSORS.length] ?? 'valid-a';
    return { topic: `sensors/${sensorId}`, sensorId, value: (i % 400) + 0.25, ts: now - 60_000 - i * 1000 };
  });
}

/**
 * Publishes case i, then valid reading i, at QoS 1, `window` messages in flight at a time: the
 * broker sees bad and good traffic interleaved as one stream.
 */
export async function replayInterleaved(
  client: MqttClient,
  prefix: string,
  cases: readonly MqttCase[],
  valid: readonly ValidReading[],
  window = 64,
): Promise<void> {
  const messages: [string, Buffer][] = [];
  cases.forEach((c, i) => {
    messages.push([prefix + c.topic, Buffer.from(c.payload)]);
    const v = valid[i];
    if (v) messages.push([prefix + v.topic, Buffer.from(JSON.stringify({ pm25: v.value, ts: v.ts }))]);
  });
  for (let i = 0; i < messages.length; i += window)
    await Promise.all(
      messages
        .slice(i, i + window)
        .map(([topic, payload]) => client.publishAsync(topic, payload, { qos: 1 })),
    );
}

/** Dead letters and stored readings (by sensor) in a stopped platform's data folder. */
export async function readDurable(
  dataDir: string,
  to: number,
): Promise<{ letters: DeadLetter[]; stored: Map<string, StoredReading[]> }> {
  const storage = createEmbeddedStorage({ dataDir });
  await storage.start();
  try {
    const letters = await storage.deadLetters.list({ limit: 100_000 });
    const stored = new Map<string, StoredReading[]>();
    for (const quantity of QUANTITY_IDS)
      for (const r of await storage.store.readings({ quantity, from: 0, to }))
        stored.set(r.sensorId, [...(stored.get(r.sensorId) ?? []), r]);
    return { letters, stored };
  } finally {
    await storage.close();
  }
}
