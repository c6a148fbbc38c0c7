import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY_FILE } from '@ssc-monitor/api';
import { createEmbeddedStorage } from '@ssc-monitor/ingest/store';
import { AckedPublisher, readingValue } from '../helpers/acked-publisher.js';
import { freePort } from '../helpers/free-port.js';
import { spawnPlatform, type PlatformProcess } from '../helpers/spawn-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

interface Run {
  readonly env: Record<string, string>;
  readonly httpUrl: string;
  readonly dataDir: string;
  current?: PlatformProcess;
}

const running = new Set<PlatformProcess>();
const SERVICE = { username: 'durable-test', password: randomUUID() };
const dataDirs: string[] = [];

afterEach(async () => {
  for (const run of running) {
    if (run.child.exitCode === null && run.child.pid !== undefined) process.kill(run.child.pid, 'SIGKILL');
    await run.exited;
  }
  running.clear();
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function prepare(broker: 'embedded' | 'mosquitto', prefix: string): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ssc-durable-'));
  dataDirs.push(dataDir);
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO: 'off',
    LOG_LEVEL: 'warn',
    MQTT_TOPIC_PREFIX: prefix,
    ...(broker === 'embedded'
      ? {
          MQTT_PORT: String(await freePort()),
          // The embedded broker requires credentials outside the demo: the test publishes as the
          // platform's service user.
          MQTT_USERNAME: SERVICE.username,
          MQTT_PASSWORD: SERVICE.password,
        }
      : {
          MQTT_URL: MOSQUITTO_URL,
          MQTT_CLIENT_ID: `ssc-durable-${randomUUID().slice(0, 8)}`,
          MQTT_INGEST_CONNECTIONS: '4',
        }),
  };
  return { env, httpUrl: `http://127.0.0.1:${port}`, dataDir };
}

/** Starts the platform and waits until its API answers (it subscribes before it listens). */
async function start(run: Run): Promise<void> {
  const child = spawnPlatform(run.env);
  running.add(child);
  run.current = child;
  await waitFor('the platform to answer', async () => (await fetch(`${run.httpUrl}/api/health`)).status > 0, {
    // A start compiles the TypeScript and opens DuckDB: allow for a busy machine.
    timeoutMs: 90_000,
    intervalMs: 100,
  }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${child.stderr()}`);
  });
}

async function stop(run: Run, signal: 'SIGKILL' | 'SIGTERM'): Promise<number | null> {
  const child = run.current;
  if (child?.child.pid === undefined) throw new Error('not running');
  process.kill(child.child.pid, signal);
  const code = await child.exited;
  running.delete(child);
  return code;
}

async function metric(run: Run, name: string): Promise<number> {
  const key = (await readFile(join(run.dataDir, ADMIN_KEY_FILE), 'utf8')).trim();
  const response = await fetch(`${run.httpUrl}/metrics`, { headers: { authorization: `Bearer ${key}` } });
  const text = await response.text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? Number.NaN : Number(line.split(' ')[1]);
}

/** Every reading in the store of that sensor, by sequence number, after the platform has stopped. */
async function storedBySeq(dataDir: string, sensorId: string, base: number): Promise<Map<number, number[]>> {
  const storage = createEmbeddedStorage({ dataDir });
  await storage.start();
  try {
    const rows = await storage.store.readings({
      quantity: 'pm25',
      from: base,
      to: base + 86_400_000,
      sensorIds: [sensorId],
    });
    const bySeq = new Map<number, number[]>();
    for (const row of rows) {
      const seq = (row.ts - base) / 1000;
      bySeq.set(seq, [...(bySeq.get(seq) ?? []), row.value]);
    }
    return bySeq;
  } finally {
    await storage.close();
  }
}

/** Removes the persistent sessions a fixed client id left on Mosquitto (one per ingest connection). */
async function endSessions(clientId: string): Promise<void> {
  for (const id of [clientId, ...[0, 1, 2, 3].map((i) => `${clientId}-s${i}`)]) {
    const client = await mqtt.connectAsync(MOSQUITTO_URL, { clientId: id, clean: true });
    await client.endAsync();
  }
}

interface Scenario {
  readonly broker: 'embedded' | 'mosquitto';
  /** How the ingest is stopped mid-stream, once per entry. */
  readonly stops: readonly ('SIGKILL' | 'SIGTERM')[];
}

/** Acknowledged readings between two stops. */
const READINGS_PER_ROUND = 200;

async function crashMidStream({ broker, stops }: Scenario): Promise<void> {
  const prefix = `dur-${randomUUID().slice(0, 8)}/`;
  const sensorId = `probe-${randomUUID().slice(0, 6)}`;
  const run = await prepare(broker, prefix);
  const base = Date.now() - 6 * 3_600_000;
  await start(run);
  const brokerUrl = broker === 'embedded' ? `mqtt://127.0.0.1:${run.env.MQTT_PORT}` : MOSQUITTO_URL;
  // Mosquitto acknowledges by itself and queues at most 1000 messages (max_queued_messages) for the
  // ingest while it is down: publish slowly enough not to overflow that queue.
  const pace =
    broker === 'embedded' ? { inFlight: 20, pauseMs: 5, ...SERVICE } : { inFlight: 2, pauseMs: 40 };
  const publisher = new AckedPublisher(brokerUrl, `${prefix}sensors/${sensorId}`, base, pace);
  publisher.start();
  try {
    for (const [round, signal] of stops.entries()) {
      // Stop the ingest while readings are in flight, then start it again on the same DATA_DIR.
      const target = publisher.acked.size + READINGS_PER_ROUND;
      await waitFor(`${target} acknowledged readings`, () => publisher.acked.size >= target, {
        timeoutMs: 60_000,
      });
      const code = await stop(run, signal);
      if (signal === 'SIGTERM') expect(code, `clean exit in round ${round}`).toBe(0);
      await start(run);
    }
    const target = publisher.acked.size + READINGS_PER_ROUND;
    await waitFor(`${target} acknowledged readings`, () => publisher.acked.size >= target, {
      timeoutMs: 60_000,
    });
    await publisher.stop(10_000);
    const acked = [...publisher.acked];
    await waitFor(
      'every acknowledged reading stored',
      async () => {
        return (await metric(run, 'ssc_ingest_spool_segments')) === 0;
      },
      { timeoutMs: 60_000 },
    );
    expect(await stop(run, 'SIGTERM')).toBe(0);
    const stored = await storedBySeq(run.dataDir, sensorId, base);
    const lost = acked.filter((seq) => !stored.has(seq));
    const duplicated = [...stored.values()].filter((values) => values.length > 1);
    const wrong = acked.filter((seq) => stored.get(seq)?.[0] !== readingValue(seq));
    expect(acked.length).toBeGreaterThanOrEqual(READINGS_PER_ROUND * (stops.length + 1));
    expect({ lost: lost.slice(0, 10), duplicated: duplicated.length }).toEqual({ lost: [], duplicated: 0 });
    expect(wrong).toEqual([]);
  } finally {
    await publisher.stop(0);
    if (run.env.MQTT_CLIENT_ID !== undefined) await endSessions(run.env.MQTT_CLIENT_ID);
  }
}

describe('acknowledge after durable', () => {
  it('loses and duplicates no acknowledged reading when the embedded broker is killed twice', async () => {
    await crashMidStream({ broker: 'embedded', stops: ['SIGKILL', 'SIGKILL'] });
  }, 300_000);

  it('loses and duplicates no acknowledged reading when ingest on Mosquitto is killed twice', async () => {
    await crashMidStream({ broker: 'mosquitto', stops: ['SIGKILL', 'SIGKILL'] });
  }, 300_000);

  it('stores every acknowledged reading across graceful restarts (SIGTERM)', async () => {
    await crashMidStream({ broker: 'embedded', stops: ['SIGTERM'] });
  }, 300_000);
});
