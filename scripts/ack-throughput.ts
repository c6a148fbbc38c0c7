/**
 * QoS 1 publish rate through the embedded broker, raw and with ack-after-durable (PUBACK only once
 * the reading is in the fsynced spool, readings forwarded to the embedded store behind).
 *
 *   node --import tsx scripts/ack-throughput.ts [--seconds 5] [--clients 4] [--window 500] [--external mqtt://…]
 *
 * Prints msgs/s for both and their ratio. With --external, the same for the ingest client of an
 * external broker: messages/s the ingest takes in, acknowledging at once or after the spool. Everything runs in this process on free ports under a
 * temporary DATA_DIR, removed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { DEFAULT_MAX_PAYLOAD_BYTES } from '@ssc-monitor/core';
import { randomUUID } from 'node:crypto';
import { MqttSource } from '../ingest/src/adapters/mqtt/mqtt-source.js';
import { EmbeddedBroker } from '../ingest/src/adapters/broker/embedded-broker.js';
import type { PublishInterceptor } from '../ingest/src/adapters/broker/durable-publish-hook.js';
import { createEmbeddedStorage } from '../ingest/src/adapters/store/index.js';
import { IngestPipeline } from '../ingest/src/pipeline/ingest-pipeline.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '4' },
    window: { type: 'string', default: '500' },
    external: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const WINDOW = Number(values.window);
const SENSORS_PER_CLIENT = 1000;
const logger = pino({ level: 'warn' });

/** Publishes QoS 1 from `CLIENTS` connections, WINDOW in flight each, for SECONDS; returns PUBACKs/s. */
async function publishRate(url: string, prefix = '', counted?: () => number): Promise<number> {
  const base = Date.now() - 30 * 86_400_000;
  const clients: MqttClient[] = await Promise.all(
    Array.from({ length: CLIENTS }, () => mqtt.connectAsync(url, { reconnectPeriod: 0 })),
  );
  let acked = 0;
  let running = true;
  const pump = (client: MqttClient, index: number): void => {
    let seq = 0;
    const next = (): void => {
      if (!running) return;
      const n = seq++;
      const sensor = `bench-${index}-${n % SENSORS_PER_CLIENT}`;
      const ts = base + Math.floor(n / SENSORS_PER_CLIENT) * 1000;
      client.publish(`${prefix}sensors/${sensor}`, `{"pm25":${n % 300},"ts":${ts}}`, { qos: 1 }, (error) => {
        if (!error) acked += 1;
        next();
      });
    };
    for (let i = 0; i < WINDOW; i++) next();
  };
  clients.forEach(pump);
  const count = counted ?? (() => acked);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // warm-up
  const start = count();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const rate = ((count() - start) * 1000) / (performance.now() - started);
  running = false;
  await Promise.all(clients.map((client) => client.endAsync(true)));
  return rate;
}

async function withBroker(intercept: PublishInterceptor | undefined): Promise<number> {
  const broker = new EmbeddedBroker({
    port: 0,
    host: '127.0.0.1',
    logger,
    ...(intercept ? { intercept } : {}),
  });
  const port = await broker.start();
  try {
    return await publishRate(`mqtt://127.0.0.1:${port}`);
  } finally {
    await broker.stop();
  }
}

async function openPipeline(dataDir: string, prefix = '') {
  const storage = createEmbeddedStorage({ dataDir, logger });
  await storage.start();
  const pipeline = new IngestPipeline(
    {
      store: storage.store,
      deadLetters: storage.deadLetters,
      districtOf: () => 'bench',
      observer: { message: () => undefined, accepted: () => undefined, rejected: () => undefined },
      logger,
    },
    {
      topicPrefix: prefix,
      maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES,
      batchSize: 5000,
      spoolDir: join(dataDir, 'spool'),
      spoolMaxBytes: 1 << 30,
    },
  );
  await pipeline.start();
  const close = async (): Promise<void> => {
    await pipeline.stop();
    await storage.close();
  };
  return { pipeline, close };
}

async function durableRate(dataDir: string): Promise<{ rate: number; stored: number; perCommit: number }> {
  const { pipeline, close } = await openPipeline(dataDir);
  try {
    const rate = await withBroker((packet) =>
      pipeline.handle({
        topic: packet.topic,
        payload: Buffer.from(packet.payload),
        receivedAt: Date.now(),
        qos: packet.qos,
        dup: packet.dup,
      }),
    );
    await pipeline.flush(120_000);
    const perCommit = pipeline.stats.spooled / Math.max(1, pipeline.spoolState().commits);
    return { rate, stored: pipeline.counters().stored, perCommit };
  } finally {
    await close();
  }
}

/** Messages/s the ingest client of an external broker takes in, acknowledging at once or when durable. */
async function externalRate(url: string, dataDir: string, durable: boolean): Promise<number> {
  const prefix = `bench-${randomUUID().slice(0, 8)}/`;
  const { pipeline, close } = await openPipeline(dataDir, prefix);
  let taken = 0;
  const source = new MqttSource({ url, topicPrefix: prefix, logger, sensorConnections: 4 });
  await source.start(async (message) => {
    const ok = durable ? await pipeline.handle(message) : true;
    taken += 1;
    return ok;
  });
  try {
    return await publishRate(url, prefix, () => taken);
  } finally {
    await source.stop();
    await close();
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'ssc-ack-throughput-'));
try {
  const raw = await withBroker(undefined);
  const durable = await durableRate(dataDir);
  const external =
    values.external === undefined
      ? {}
      : {
          externalAckAtOnceMsgsPerS: Math.round(
            await externalRate(values.external, join(dataDir, 'a'), false),
          ),
          externalDurableMsgsPerS: Math.round(await externalRate(values.external, join(dataDir, 'b'), true)),
        };
  const report = {
    ...external,
    clients: CLIENTS,
    window: WINDOW,
    seconds: SECONDS,
    rawMsgsPerS: Math.round(raw),
    durableMsgsPerS: Math.round(durable.rate),
    ratio: Number((durable.rate / raw).toFixed(2)),
    storedAfterRun: durable.stored,
    readingsPerFsync: Math.round(durable.perCommit),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
