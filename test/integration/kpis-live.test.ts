import type { KpiSnapshot, SensorState } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

type KpiList = { kpis: KpiSnapshot[] };
const pm25 = (list: KpiList) => list.kpis.find((k) => k.id === 'env.air.pm25');

describe('KPIs computed continuously', () => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  it('updates a KPI as readings arrive and streams it over SSE', async () => {
    platform = await startTestPlatform();
    const events: KpiSnapshot[] = [];
    const controller = new AbortController();
    const stream = platform.fetch('/api/stream', { signal: controller.signal }).then(async (response) => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: kpi$/m.test(block) && data) events.push(JSON.parse(data) as KpiSnapshot);
        }
      }
    });
    const client = await platform.publisher();
    const ts = Date.now() - 60_000;
    await client.publishAsync('sensors/aq-centre-1', JSON.stringify({ pm25: 10, ts }), { qos: 1 });
    await client.publishAsync(
      'sensors/aq-north-1',
      JSON.stringify([{ bn: 'aq-north-1:', bt: ts / 1000, n: 'pm25', u: 'ug/m3', v: 20 }]),
      { qos: 1 },
    );
    const kpi = await waitFor('the PM2.5 KPI from two stations', async () => {
      const { body } = await platform!.get<KpiList>('/api/kpis');
      const snapshot = pm25(body);
      return snapshot?.current.readings === 2 ? snapshot : undefined;
    });
    expect(kpi.current.value).toBe(15);
    expect(kpi.baseline.value).toBe(17.8);
    expect(kpi.nextTarget?.value).toBe(15);
    expect(kpi.progress).toBeCloseTo((15 - 17.8) / (15 - 17.8), 10);
    expect(kpi.status).not.toBe('no_data');
    await waitFor('a live kpi event with the new value', () =>
      events.some((e) => e.id === 'env.air.pm25' && e.current.value === 15),
    );
    controller.abort();
    await stream.catch(() => undefined);
  });

  it('keeps readings and KPI state across a restart', async () => {
    platform = await startTestPlatform();
    const client = await platform.publisher();
    await client.publishAsync(
      'sensors/aq-east-1',
      JSON.stringify({ pm25: 22, no2: 40, ts: Date.now() - 5000 }),
      { qos: 1 },
    );
    await waitFor('two readings stored', () => platform!.pipeline.counters().stored === 2);
    const dataDir = platform.dataDir;
    await platform.close({ keepData: true });
    platform = await startTestPlatform({}, dataDir);
    const { body } = await platform.get<KpiList>('/api/kpis');
    expect(pm25(body)?.current.value).toBe(22);
    const sensor = await platform.get<SensorState>('/api/sensors/aq-east-1');
    expect(sensor.body.latest.no2?.value).toBe(40);
    expect(sensor.body.district).toBe('east');
  });
});
