import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isNgsiEntity, parseNgsiEntity, type NgsiEntity } from './ngsi.js';
import type { RejectionCode } from './rejection.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, parseSensorMessage } from './sensor-message.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const SDM = new URL('../../../../shared/data/fiware-sdm/', import.meta.url);
const options = { topicPrefix: '', maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES };

function parse(payload: unknown, receivedAt = NOW) {
  return parseSensorMessage(
    {
      topic: 'sensors/aq-1',
      payload: new TextEncoder().encode(JSON.stringify(payload)),
      receivedAt,
    },
    options,
  );
}

function valuesOf(result: ReturnType<typeof parse>): Record<string, number> {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code} ${result.rejection.reason}`);
  return Object.fromEntries(result.readings.map((r) => [r.quantity, r.value]));
}

const entity = (fields: Record<string, unknown>): NgsiEntity => ({
  id: 'urn:ngsi-ld:AirQualityObserved:aq-1',
  type: 'AirQualityObserved',
  ...fields,
});

describe('isNgsiEntity', () => {
  it.each([
    [{ id: 'x', type: 'AirQualityObserved' }, true],
    [{ id: 'x' }, false],
    [{ id: 1, type: 'T' }, false],
    [[{ id: 'x', type: 'T' }], false],
    [null, false],
    ['x', false],
  ])('%j → %s', (json, expected) => {
    expect(isNgsiEntity(json)).toBe(expected);
  });
});

describe('parseSensorMessage with NGSI-v2 key-values', () => {
  it('reads an AirQualityObserved entity at dateObserved, pollutants in µg/m³', () => {
    const result = parse(entity({ dateObserved: '2026-11-25T09:00:00Z', pm25: 12, no2: 30, co: 400 }));
    expect(result.ok && result.readings.map((r) => r.ts)).toEqual(Array(3).fill(Date.UTC(2026, 10, 25, 9)));
    expect(valuesOf(result)).toEqual({ pm25: 12, no2: 30, co: 0.4 });
  });

  it('takes the end of an interval, UTC when the zone is missing, and the receive time when absent', () => {
    const interval = parse(entity({ dateObserved: '2026-11-25T08:00:00/2026-11-25T09:00:00', pm25: 1 }));
    expect(interval.ok && interval.readings[0]?.ts).toBe(Date.UTC(2026, 10, 25, 9));
    const none = parse(entity({ pm25: 1 }));
    expect(none.ok && none.readings[0]?.ts).toBe(NOW);
  });

  it('ignores attributes that are not quantities of the entity type', () => {
    const result = parse(
      entity({ pm25: 5, pressure: 1013, airQualityIndex: 40, address: { addressLocality: 'X' } }),
    );
    expect(valuesOf(result)).toEqual({ pm25: 5 });
  });

  const rejected: Array<[string, Record<string, unknown>, RejectionCode]> = [
    ['a text value for a quantity', { pm25: 'NaN' }, 'INGEST_ERR_SCHEMA'],
    ['no quantity at all', { airQualityIndex: 3 }, 'INGEST_ERR_EMPTY'],
    ['a quantity twice', { pm25: 1, PM25: 2 }, 'INGEST_ERR_SCHEMA'],
    ['a future time', { dateObserved: '2099-01-01T00:00:00Z', pm25: 1 }, 'INGEST_ERR_BAD_TIMESTAMP'],
    ['a numeric time', { dateObserved: NOW, pm25: 1 }, 'INGEST_ERR_BAD_TIMESTAMP'],
    ['a negative concentration', { pm25: -1 }, 'INGEST_ERR_OUT_OF_RANGE'],
  ];
  it.each(rejected)('refuses %s', (_label, fields, code) => {
    const result = parse(entity(fields));
    expect(result.ok ? undefined : result.rejection.code).toBe(code);
  });

  it('leaves plain JSON and SenML as they were', () => {
    expect(valuesOf(parse({ pm25: 3, ts: NOW }))).toEqual({ pm25: 3 });
    expect(valuesOf(parse([{ bn: 'aq-1:', bt: NOW / 1000, n: 'pm25', v: 4 }]))).toEqual({ pm25: 4 });
  });

  it('never reads a key inherited from Object as a quantity', () => {
    const result = parseNgsiEntity(
      JSON.parse('{"id":"x","type":"T","constructor":1,"__proto__":2,"pm10":7}') as NgsiEntity,
      NOW,
    );
    expect(result.ok && result.measurements.map((m) => m.quantity)).toEqual(['pm10']);
  });
});

const haveSdm = existsSync(SDM);
if (!haveSdm) console.log('FIWARE Smart Data Models examples not found (../shared/data absent): skipping');

describe.runIf(haveSdm)('the Smart Data Models key-values examples', () => {
  const example = (model: string): unknown =>
    JSON.parse(readFileSync(new URL(`${model}/examples/example.json`, SDM), 'utf8')) as unknown;
  // The examples date from 2016; the receive time sits just after them so the plausibility checks hold.
  const receivedAt = Date.UTC(2017, 0, 1);

  it('AirQualityObserved (Madrid): co 500 µg/m³, so2 11, 12.2 °C, relative humidity 0.54', () => {
    const result = parse(example('AirQualityObserved'), receivedAt);
    expect(result.ok && result.readings[0]?.ts).toBe(Date.UTC(2016, 2, 15, 11));
    const values = valuesOf(result);
    expect(values).toMatchObject({ so2: 11, temperature: 12.2, rain_mm: 0 });
    expect(values.co).toBeCloseTo(0.5, 10);
    expect(values.humidity).toBeCloseTo(54, 10);
    expect(values).not.toHaveProperty('water_pressure');
  });

  it('NoiseLevelObserved (Vitoria): LAeq 67.8 dB(A) at the end of the hour', () => {
    const result = parse(example('NoiseLevelObserved'), receivedAt);
    expect(valuesOf(result)).toEqual({ noise_laeq: 67.8 });
    expect(result.ok && result.readings[0]?.ts).toBe(Date.UTC(2016, 11, 28, 12));
  });

  it('TrafficFlowObserved (Valladolid): 197 vehicles at 52.6 km/h, ending 11:15', () => {
    const result = parse(example('TrafficFlowObserved'), receivedAt);
    expect(valuesOf(result)).toEqual({ traffic_count: 197, traffic_speed: 52.6 });
    expect(result.ok && result.readings[0]?.ts).toBe(Date.UTC(2016, 11, 7, 11, 15));
  });
});
