import { randomUUID } from 'node:crypto';
import type { KpiSnapshot } from '@ssc-monitor/core';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInfluxServer, type InfluxServer } from '../helpers/influxdb.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

/** Two ingest workers share the load through an MQTT shared subscription on the Mosquitto of this machine. */
const MOSQUITTO = 'mqtt://127.0.0.1:1883';
const READINGS = 2000;

let influx: InfluxServer;
const running: TestPlatform[] = [];

beforeAll(async () => {
  influx = await startInfluxServer();
}, 60_000);
afterAll(async () => {
  for (const platform of running.reverse()) await platform.close();
  await influx?.dispose();
});

describe('scale-out with shared subscriptions', () => {
  it('stores every reading exactly once across two workers and keeps one consistent KPI state', async () => {
    const run = randomUUID().slice(0, 8);
    const common = {
      MQTT_URL: MOSQUITTO,
      MQTT_TOPIC_PREFIX: `scale-${run}/`,
      STORE: 'influx',
      INFLUX_URL: influx.url,
      INFLUX_BUCKET: `scale_${run}`,
    };
    running.push(await startTestPlatform({ ...common, ROLE: 'monitor' }));
    const monitor = running[0]!;
    const workers: TestPlatform[] = [];
    for (const name of ['w1', 'w2']) {
      const worker = await startTestPlatform({
        ...common,
        ROLE: 'worker',
        MQTT_SHARED_GROUP: `ingest-${run}`,
        MQTT_CLIENT_ID: `${name}-${run}`,
      });
      running.push(worker);
      workers.push(worker);
    }
    const client = await mqtt.connectAsync(MOSQUITTO);
    const now = Date.now();
    let sum = 0;
    for (let i = 0; i < READINGS; i += 1) {
      const value = i % 50;
      sum += value;
      const sensor = `aq-centre-${i % 10}`;
      // Each reading is its own point: distinct sensor and minute.
      await client.publishAsync(
        `${common.MQTT_TOPIC_PREFIX}sensors/${sensor}`,
        JSON.stringify({ pm25: value, ts: now - 60_000 * Math.floor(i / 10) - 1000 }),
        { qos: 1 },
      );
    }
    await client.endAsync();
    await waitFor(
      'every reading stored',
      () => workers.reduce((n, w) => n + w.pipeline.counters().stored, 0) === READINGS,
      { timeoutMs: 30_000 },
    );
    const perWorker = workers.map((w) => w.pipeline.counters().stored);
    expect(perWorker.every((n) => n > 0)).toBe(true);

    const kpi = await waitFor(
      'the monitor KPI over all readings',
      async () => {
        const { body } = await monitor.get<{ kpi: KpiSnapshot }>('/api/kpis/env.air.pm25');
        return body.kpi.current.readings === READINGS ? body.kpi : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(kpi.current.value).toBeCloseTo(sum / READINGS, 9);

    const today = new Date(now).toISOString().slice(0, 10);
    const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
    const measured = await monitor.get<{ readings: number; value: number }>(
      `/api/kpis/env.air.pm25/measure?from=${yesterday}&to=${today}`,
    );
    expect(measured.body.readings).toBe(READINGS);
    expect(measured.body.value).toBeCloseTo(sum / READINGS, 9);
  });
});
