import {
  isQuantityId,
  parseSensorMessage,
  QUANTITIES,
  sensorTopic,
  toCanonicalUnit,
  type Reading,
} from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { loadDemoPlan, localMs } from '../test-support/demo-plan.js';
import { createDemoCity } from './demo-city.js';
import { demoMessages } from './messages.js';
import { encodeJson, encodeSenml, senmlValue } from './payloads.js';

const sensors = loadDemoPlan().sensors;
const T = localMs('2026-11-24T12:34:50');

function payloadOf(sensorId: string, seed = 1, t = T): unknown {
  const message = demoMessages(createDemoCity(sensors, seed), t, 10_000).find((m) => m.sensorId === sensorId);
  if (message === undefined) throw new Error(`no message for ${sensorId}`);
  return JSON.parse(message.payload) as unknown;
}

interface SenmlRecord {
  bn?: string;
  bt?: number;
  n: string;
  u: string;
  v: number;
}

describe('payloads', () => {
  it('are byte-identical for the same seed and differ for another', () => {
    const run = (seed: number) => demoMessages(createDemoCity(sensors, seed), T, 10_000);
    expect(run(9)).toEqual(run(9));
    expect(run(9).map((m) => m.payload)).not.toEqual(run(10).map((m) => m.payload));
  });

  it('give one message per simulated sensor', () => {
    const messages = demoMessages(createDemoCity(sensors, 1), T, 10_000);
    expect(messages.map((m) => m.sensorId)).toEqual(sensors.map((s) => s.id));
  });

  it.each(['aq-centre-1', 'grid-east', 'weather-north'])('%s sends a SenML pack', (id) => {
    const pack = payloadOf(id) as SenmlRecord[];
    expect(Array.isArray(pack)).toBe(true);
    expect(pack[0]?.bn).toBe(`${id}:`);
    expect(pack[0]?.bt).toBe(T / 1000);
    for (const record of pack) {
      expect(isQuantityId(record.n)).toBe(true);
      if (!isQuantityId(record.n)) continue;
      expect(toCanonicalUnit(record.n, record.v, record.u)).toBeTypeOf('number');
      expect(Object.keys(record).filter((k) => k !== 'bn' && k !== 'bt')).toEqual(['n', 'u', 'v']);
    }
  });

  it('sends air-quality units as SenML spells them, NO₂ in ppb', () => {
    const units = Object.fromEntries((payloadOf('aq-centre-1') as SenmlRecord[]).map((r) => [r.n, r.u]));
    expect(units).toEqual({ pm25: 'ug/m3', pm10: 'ug/m3', no2: 'ppb', o3: 'ug/m3' });
    const weather = Object.fromEntries((payloadOf('weather-centre') as SenmlRecord[]).map((r) => [r.n, r.u]));
    expect(weather).toEqual({ temperature: 'Cel', humidity: '%RH', rain_mm: 'mm' });
  });

  it('converts NO₂ to ppb with the core factor', () => {
    expect(senmlValue('no2', 38)).toEqual({ unit: 'ppb', value: 20 });
  });

  it.each([
    ['noise-centre-1', ['noise_laeq']],
    ['traffic-ring-n', ['traffic_count', 'traffic_speed']],
    ['bike-bridge', ['cycling_count']],
    ['water-zone-east', ['water_m3', 'water_leakage_m3', 'water_pressure']],
    ['bin-centre-1', ['waste_fill_pct']],
  ])('%s sends a plain JSON object of %j with an ISO timestamp', (id, quantities) => {
    const body = payloadOf(id) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([...quantities, 'ts']);
    expect(body.ts).toBe(new Date(T).toISOString());
  });

  it('rounds counts to integers and levels to a tenth', () => {
    const reading = (quantity: Reading['quantity'], value: number): Reading => ({
      sensorId: 's',
      quantity,
      value,
      ts: T,
    });
    expect(
      JSON.parse(encodeJson([reading('traffic_count', 7), reading('traffic_speed', 31.26)])),
    ).toMatchObject({
      traffic_count: 7,
      traffic_speed: 31.3,
    });
    expect(JSON.parse(encodeSenml([reading('pm25', 13.04)]))).toEqual([
      { bn: 's:', bt: T / 1000, n: 'pm25', u: 'ug/m3', v: 13 },
    ]);
  });

  it('are accepted by the core message parser with the generated values', () => {
    const city = createDemoCity(sensors, 4);
    const expected = city.readings(T, 10_000);
    for (const message of demoMessages(city, T, 10_000)) {
      const parsed = parseSensorMessage(
        { topic: sensorTopic('', message.sensorId), payload: Buffer.from(message.payload), receivedAt: T },
        { topicPrefix: '', maxPayloadBytes: 64 * 1024 },
      );
      expect(parsed.ok ? 'ok' : parsed.rejection.reason).toBe('ok');
      if (!parsed.ok) continue;
      for (const reading of parsed.readings) {
        const original = expected.find(
          (r) => r.sensorId === reading.sensorId && r.quantity === reading.quantity,
        );
        expect(reading.ts).toBe(T);
        expect(Math.abs(reading.value - (original?.value ?? NaN))).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it('do not bias daily totals by rounding', () => {
    const city = createDemoCity(sensors, 1);
    const raw = new Map<string, number>();
    const sent = new Map<string, number>();
    const add = (map: Map<string, number>, key: string, v: number) => map.set(key, (map.get(key) ?? 0) + v);
    const start = localMs('2026-11-24T00:00:00');
    for (let t = start + 10_000; t <= start + 86_400_000; t += 10_000) {
      for (const r of city.readings(t, 10_000))
        if (QUANTITIES[r.quantity].aggregation === 'sum') add(raw, r.quantity, r.value);
      for (const m of demoMessages(city, t, 10_000)) {
        const body = JSON.parse(m.payload) as SenmlRecord[] | Record<string, number>;
        const entries = Array.isArray(body)
          ? body.map((r) => [r.n, r.v, r.u] as const)
          : Object.entries(body).map(([k, v]) => [k, v, undefined] as const);
        for (const [name, value, unit] of entries) {
          if (isQuantityId(name) && QUANTITIES[name].aggregation === 'sum')
            add(sent, name, toCanonicalUnit(name, Number(value), unit) ?? NaN);
        }
      }
    }
    expect([...sent.keys()].sort()).toEqual([...raw.keys()].sort());
    for (const [quantity, total] of raw)
      expect(Math.abs((sent.get(quantity) ?? 0) / total - 1)).toBeLessThan(0.005);
  });
});
