import { parseSensorMessage, sensorTopic } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { loadDemoPlan, localMs } from '../test-support/demo-plan.js';
import { createCity } from './city.js';
import { demoMessages } from './messages.js';
import { ngsiEntityType } from './ngsi-payload.js';
import { defaultScenario, type Scenario } from './scenario.js';

const T = localMs('2026-11-24T08:00:00');

/** The demo city with every kind speaking NGSI-v2 key-values. */
function ngsiScenario(): Scenario {
  const scenario = defaultScenario(loadDemoPlan().sensors);
  const kinds = Object.fromEntries(
    Object.entries(scenario.kinds).map(([k, kind]) => [k, { ...kind, formats: { ngsi: 1 } }]),
  );
  return { ...scenario, kinds };
}

describe('NGSI-v2 key-values payloads', () => {
  const city = createCity(ngsiScenario(), 2);
  const expected = city.readings(T, 600_000);

  it('name the Smart Data Models entity types, or the kind’s own', () => {
    expect(ngsiEntityType('air_quality')).toBe('AirQualityObserved');
    expect(ngsiEntityType('noise')).toBe('NoiseLevelObserved');
    expect(ngsiEntityType('traffic')).toBe('TrafficFlowObserved');
    expect(ngsiEntityType('harbour_gas')).toBe('HarbourGasObserved');
  });

  it('carry SDM attribute names and units', () => {
    const bodies = Object.fromEntries(
      demoMessages(city, T, 600_000).map((m) => [
        m.sensorId,
        JSON.parse(m.payload) as Record<string, unknown>,
      ]),
    );
    expect(bodies['aq-centre-1']).toMatchObject({
      id: 'urn:ngsi-ld:AirQualityObserved:aq-centre-1',
      type: 'AirQualityObserved',
      dateObserved: new Date(T).toISOString(),
    });
    expect(Object.keys(bodies['noise-centre-1'] ?? {})).toContain('LAeq');
    expect(Object.keys(bodies['traffic-ring-n'] ?? {})).toEqual(
      expect.arrayContaining(['intensity', 'averageVehicleSpeed']),
    );
    const rh = bodies['weather-centre']?.relativeHumidity;
    expect(typeof rh === 'number' && rh > 0 && rh <= 1).toBe(true);
  });

  it('are read back by the ingest as the values generated, for every kind', () => {
    for (const message of demoMessages(city, T, 600_000)) {
      const parsed = parseSensorMessage(
        { topic: sensorTopic('', message.sensorId), payload: Buffer.from(message.payload), receivedAt: T },
        { topicPrefix: '', maxPayloadBytes: 65_536 },
      );
      expect(parsed.ok ? 'ok' : `${message.sensorId}: ${parsed.rejection.reason}`).toBe('ok');
      if (!parsed.ok) continue;
      const mine = expected.filter((r) => r.sensorId === message.sensorId);
      expect(parsed.readings.map((r) => r.quantity).sort()).toEqual(mine.map((r) => r.quantity).sort());
      for (const reading of parsed.readings) {
        const original = mine.find((r) => r.quantity === reading.quantity)?.value ?? NaN;
        expect(reading.ts).toBe(T);
        expect(Math.abs(reading.value - original)).toBeLessThanOrEqual(0.06 + 0.001 * Math.abs(original));
      }
    }
  });
});
