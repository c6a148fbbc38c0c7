import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNgsiEntity, parseNgsiEntity, type NgsiEntity } from './ngsi.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const TYPES = [
  'AirQualityObserved',
  'WeatherObserved',
  'NoiseLevelObserved',
  'TrafficFlowObserved',
  'WasteContainer',
  'Other',
  '__proto__',
  'constructor',
];
const ATTRIBUTES = [
  'pm25',
  'no2',
  'temperature',
  'relativeHumidity',
  'noise',
  'intensity',
  'fillingLevel',
  'address',
  'constructor',
  '__proto__',
  'toString',
  'dateObserved',
];

describe('NGSI-v2 key-values entities', () => {
  it('never throws, and reads only numeric attributes that name a quantity', () => {
    const entity = fc.record({
      id: fc.string(),
      type: fc.constantFrom(...TYPES),
      attributes: fc.dictionary(fc.constantFrom(...ATTRIBUTES), fc.oneof(fc.jsonValue(), fc.double())),
    });
    fc.assert(
      fc.property(entity, ({ id, type, attributes }) => {
        const json = JSON.parse(JSON.stringify({ ...attributes, id, type })) as unknown;
        expect(isNgsiEntity(json)).toBe(true);
        const result = parseNgsiEntity(json as NgsiEntity, NOW);
        if (!result.ok) return;
        for (const m of result.measurements) {
          expect(typeof (json as Record<string, unknown>)[m.attribute]).toBe('number');
          expect(m.value).toBe((json as Record<string, unknown>)[m.attribute]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stamps readings at any plausible dateObserved, with or without a zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2001, 0, 1), max: NOW }), fc.boolean(), (ts, zoned) => {
        const iso = new Date(ts).toISOString();
        const entity = {
          id: 'e',
          type: 'AirQualityObserved',
          pm25: 5,
          dateObserved: zoned ? iso : iso.slice(0, -1),
        };
        const result = parseNgsiEntity(entity, NOW);
        expect(result.ok && result.ts).toBe(ts);
      }),
    );
  });
});
