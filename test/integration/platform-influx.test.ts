import type { SensorState } from '@ssc-monitor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInfluxServer, type InfluxServer } from '../helpers/influxdb.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

let influx: InfluxServer;
let platform: TestPlatform | undefined;

beforeAll(async () => {
  influx = await startInfluxServer();
}, 60_000);
afterAll(async () => {
  await platform?.close();
  await influx?.dispose();
});

describe('the platform on InfluxDB (STORE=influx)', () => {
  it('stores readings in InfluxDB and measures KPIs from it', async () => {
    platform = await startTestPlatform({
      STORE: 'influx',
      INFLUX_URL: influx.url,
      INFLUX_BUCKET: 'platform_test',
    });
    const client = await platform.publisher();
    const day = Date.UTC(2024, 5, 1, 12);
    for (const [sensor, value] of [
      ['aq-centre-1', 10],
      ['aq-north-1', 20],
    ] as const) {
      await client.publishAsync(`sensors/${sensor}`, JSON.stringify({ pm25: value, ts: day }), { qos: 1 });
    }
    await waitFor('both readings stored', () => platform!.pipeline.counters().stored === 2);
    const health = await platform.get<{ store: { kind: string; ok: boolean } }>('/api/health');
    expect(health.body.store.kind).toContain('InfluxDB');
    const measured = await platform.get<{ value: number; readings: number; sensors: string[] }>(
      '/api/kpis/env.air.pm25/measure?from=2024-06-01&to=2024-06-01',
    );
    expect(measured.body).toMatchObject({ value: 15, readings: 2, sensors: ['aq-centre-1', 'aq-north-1'] });
    const sensor = await platform.get<SensorState>('/api/sensors/aq-north-1');
    expect(sensor.body.latest.pm25?.value).toBe(20);
  });
});
