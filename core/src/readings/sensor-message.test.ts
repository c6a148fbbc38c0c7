import { describe, expect, it } from 'vitest';
import type { RejectionCode } from './rejection.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, parseSensorMessage } from './sensor-message.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const options = { topicPrefix: '', maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES };
const message = (payload: string | Uint8Array, topic = 'sensors/aq-1') => ({
  topic,
  payload: typeof payload === 'string' ? new TextEncoder().encode(payload) : payload,
  receivedAt: NOW,
});

describe('parseSensorMessage: accepted', () => {
  it('takes a plain JSON object of quantities with an ISO timestamp', () => {
    const result = parseSensorMessage(
      message('{"pm25": 17.5, "no2": 41, "ts": "2026-11-25T09:00:00Z"}'),
      options,
    );
    expect(result).toEqual({
      ok: true,
      sensorId: 'aq-1',
      readings: [
        { sensorId: 'aq-1', quantity: 'pm25', value: 17.5, ts: Date.UTC(2026, 10, 25, 9) },
        { sensorId: 'aq-1', quantity: 'no2', value: 41, ts: Date.UTC(2026, 10, 25, 9) },
      ],
    });
  });

  it('uses the receive time when ts is absent, epoch ms when numeric', () => {
    const noTs = parseSensorMessage(message('{"pm25": 1}'), options);
    expect(noTs.ok && noTs.readings[0]?.ts).toBe(NOW);
    const ms = parseSensorMessage(message(`{"pm25": 1, "ts": ${NOW - 5000}}`), options);
    expect(ms.ok && ms.readings[0]?.ts).toBe(NOW - 5000);
  });

  it('resolves aliases and converts units to the canonical one', () => {
    const result = parseSensorMessage(
      message('{"PM2.5": 10, "no2": {"value": 10, "unit": "ppb"}, "temp": {"value": 293.15, "unit": "K"}}'),
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byQuantity = Object.fromEntries(result.readings.map((r) => [r.quantity, r.value]));
    expect(byQuantity.pm25).toBe(10);
    expect(byQuantity.no2).toBeCloseTo(19, 10);
    expect(byQuantity.temperature).toBeCloseTo(20, 10);
  });

  it('takes a SenML pack with base name, time and units', () => {
    const pack = [
      { bn: 'aq-1:', bt: NOW / 1000 - 60, n: 'pm25', u: 'ug/m3', v: 12.5 },
      { n: 'no2', u: 'ppb', v: 20 },
    ];
    const result = parseSensorMessage(message(JSON.stringify(pack)), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.readings).toEqual([
      { sensorId: 'aq-1', quantity: 'pm25', value: 12.5, ts: NOW - 60_000 },
      { sensorId: 'aq-1', quantity: 'no2', value: 38, ts: NOW - 60_000 },
    ]);
  });

  it.each([
    ['a SenML base name that is the sensor id', '[{"bn": "aq-1:", "n": "pm25", "v": 1}]'],
    ['a SenML URN ending in the sensor id', '[{"bn": "urn:dev:ow:aq-1:", "n": "pm25", "v": 1}]'],
    ['a SenML path ending in the sensor id', '[{"bn": "site-3/aq-1/", "n": "pm25", "v": 1}]'],
    ['a bare SenML quantity name', '[{"n": "pm25", "v": 1}]'],
    ['the sensor id in plain JSON', '{"sensorId": "aq-1", "pm25": 1}'],
    [
      'an NGSI refDevice ending in the sensor id',
      '{"id": "obs-1", "type": "AirQualityObserved", "refDevice": "urn:ngsi-ld:Device:aq-1", "pm25": 1}',
    ],
  ])('accepts %s', (_label, payload) => {
    const result = parseSensorMessage(message(payload), options);
    expect(result.ok && result.readings.map((r) => r.sensorId)).toEqual(['aq-1']);
  });

  it('applies a message-wide unit to bare numbers, not to a value object with its own unit', () => {
    const result = parseSensorMessage(
      message('{"no2": 10, "o3": {"value": 10, "unit": "ug/m3"}, "unit": "ppb"}'),
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byQuantity = Object.fromEntries(result.readings.map((r) => [r.quantity, r.value]));
    expect(byQuantity).toEqual({ no2: 19, o3: 10 });
    expect(result.readings.map((r) => r.quantity)).not.toContain('unit');
  });

  it('honours a topic prefix', () => {
    const result = parseSensorMessage(message('{"pm25": 1}', 'city-a/sensors/aq-9'), {
      ...options,
      topicPrefix: 'city-a/',
    });
    expect(result.ok && result.sensorId).toBe('aq-9');
  });
});

describe('parseSensorMessage: rejected with a code and a reason', () => {
  const cases: Array<[string, string | Uint8Array, RejectionCode, string?]> = [
    ['not JSON', 'pm25=oops', 'INGEST_ERR_NOT_JSON'],
    ['empty', '', 'INGEST_ERR_EMPTY'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'INGEST_ERR_INVALID_UTF8'],
    ['too large', `{"pm25": 1, "x": "${'a'.repeat(70_000)}"}`, 'INGEST_ERR_TOO_LARGE'],
    ['a JSON string', '"hello"', 'INGEST_ERR_SCHEMA'],
    ['a JSON number', '42', 'INGEST_ERR_SCHEMA'],
    ['null', 'null', 'INGEST_ERR_SCHEMA'],
    ['nested objects', '{"pm25": {"a": {"b": 1}}}', 'INGEST_ERR_SCHEMA'],
    ['a text value', '{"pm25": "17"}', 'INGEST_ERR_SCHEMA'],
    ['an unknown quantity', '{"pm25": 1, "radon": 3}', 'INGEST_ERR_UNKNOWN_QUANTITY'],
    ['a __proto__ key', '{"__proto__": {"polluted": 1}, "pm25": 1}', 'INGEST_ERR_SCHEMA'],
    ['a constructor key', '{"constructor": 1}', 'INGEST_ERR_UNKNOWN_QUANTITY'],
    ['an unknown unit', '{"pm25": {"value": 1, "unit": "furlongs"}}', 'INGEST_ERR_UNKNOWN_UNIT'],
    ['an unknown message-wide unit', '{"pm25": 12, "unit": "furlongs"}', 'INGEST_ERR_UNKNOWN_UNIT'],
    [
      'an unknown message-wide unit before any other field',
      '{"sensor": "s1", "pm25": 12, "unit": "furlongs"}',
      'INGEST_ERR_UNKNOWN_UNIT',
    ],
    ['a message-wide unit of another quantity', '{"pm25": 12, "unit": "ppb"}', 'INGEST_ERR_UNKNOWN_UNIT'],
    ['a message-wide unit that is not text', '{"pm25": 12, "unit": 3}', 'INGEST_ERR_SCHEMA'],
    ['a negative concentration', '{"pm25": -3}', 'INGEST_ERR_OUT_OF_RANGE'],
    ['a timestamp in seconds', `{"pm25": 1, "ts": ${NOW / 1000}}`, 'INGEST_ERR_BAD_TIMESTAMP'],
    ['a far-future timestamp', '{"pm25": 1, "ts": "2099-01-01T00:00:00Z"}', 'INGEST_ERR_BAD_TIMESTAMP'],
    ['a far-past timestamp', '{"pm25": 1, "ts": "1970-01-02T00:00:00Z"}', 'INGEST_ERR_BAD_TIMESTAMP'],
    ['a zone-less timestamp', '{"pm25": 1, "ts": "2026-11-25 10:00"}', 'INGEST_ERR_BAD_TIMESTAMP'],
    ['an object timestamp', '{"pm25": 1, "ts": {"value": 1}}', 'INGEST_ERR_BAD_TIMESTAMP'],
    ['no quantity', '{"ts": "2026-11-25T09:00:00Z"}', 'INGEST_ERR_EMPTY'],
    ['a quantity given twice', '{"pm25": 1, "PM2.5": 2}', 'INGEST_ERR_SCHEMA'],
    ['another sensor in the payload', '{"sensorId": "aq-2", "pm25": 1}', 'INGEST_ERR_SENSOR_MISMATCH'],
    [
      'another sensor in a SenML base name',
      '[{"bn": "aq-2:", "n": "pm25", "v": 1}]',
      'INGEST_ERR_SENSOR_MISMATCH',
    ],
    [
      'a sensor whose id only ends like it',
      '[{"bn": "xaq-1:", "n": "pm25", "v": 1}]',
      'INGEST_ERR_SENSOR_MISMATCH',
    ],
    [
      'another sensor in a later SenML base name',
      '[{"bn": "aq-1:", "n": "pm25", "v": 1}, {"bn": "urn:dev:aq-2:", "n": "no2", "v": 2}]',
      'INGEST_ERR_SENSOR_MISMATCH',
    ],
    [
      'another sensor as NGSI refDevice',
      '{"id": "obs-1", "type": "AirQualityObserved", "refDevice": "urn:ngsi-ld:Device:aq-2", "pm25": 1}',
      'INGEST_ERR_SENSOR_MISMATCH',
    ],
    ['a bad SenML pack', '[{"n": "pm25", "vs": "high"}]', 'INGEST_ERR_SCHEMA'],
    ['a SenML unknown quantity', '[{"n": "radon", "v": 1}]', 'INGEST_ERR_UNKNOWN_QUANTITY'],
    [
      'a SenML future time',
      `[{"n": "pm25", "v": 1, "t": ${NOW / 1000 + 86_400}}]`,
      'INGEST_ERR_BAD_TIMESTAMP',
    ],
  ];
  it.each(cases)('%s', (_label, payload, code) => {
    const result = parseSensorMessage(message(payload), options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe(code);
    expect(result.rejection.reason.length).toBeGreaterThan(10);
    expect(result.sensorId).toBe('aq-1');
  });

  it.each(['sensors/', 'sensors/a/b', 'other/aq-1', 'sensors/has space', 'sensors/-lead'])(
    'a bad topic %s',
    (topic) => {
      const result = parseSensorMessage(message('{"pm25": 1}', topic), options);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.rejection.code).toBe('INGEST_ERR_BAD_TOPIC');
    },
  );
});
