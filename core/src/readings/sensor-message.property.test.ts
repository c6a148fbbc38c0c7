import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUANTITIES, QUANTITY_IDS, type QuantityId } from '../vocabulary/quantities.js';
import { REJECTION_CODES } from './rejection.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, parseSensorMessage } from './sensor-message.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const options = { topicPrefix: '', maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES };
const utf8 = new TextEncoder();
const parse = (payload: Uint8Array | string, topic = 'sensors/aq-1') =>
  parseSensorMessage(
    { topic, payload: typeof payload === 'string' ? utf8.encode(payload) : payload, receivedAt: NOW },
    options,
  );

/** A quantity with a value inside its plausible range. */
const inRange = fc
  .constantFrom(...QUANTITY_IDS)
  .chain((q) =>
    fc
      .double({ min: QUANTITIES[q].min, max: QUANTITIES[q].max, noNaN: true })
      .map((v) => [q, v] as [QuantityId, number]),
  );

/** Checks the contract every result must meet, whatever the input. */
function wellFormed(result: ReturnType<typeof parse>): void {
  if (result.ok) {
    expect(result.readings.length).toBeGreaterThan(0);
    for (const r of result.readings) {
      const { min, max } = QUANTITIES[r.quantity];
      expect(r.value >= min && r.value <= max).toBe(true);
      expect(Number.isFinite(r.ts)).toBe(true);
    }
  } else {
    expect(REJECTION_CODES).toContain(result.rejection.code);
    expect(result.rejection.reason.length).toBeGreaterThan(0);
  }
}

describe('parseSensorMessage on any input', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => wellFormed(parse(bytes))),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary JSON, as a pack, an object or an entity', () => {
    const entity = fc
      .dictionary(fc.string(), fc.jsonValue())
      .map((o) => ({ ...o, id: 'e', type: 'AirQualityObserved' }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.object()), fc.object(), entity), (json) =>
        wellFormed(parse(JSON.stringify(json) ?? 'null')),
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary topics', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (topic) => wellFormed(parse('{"pm25": 1}', topic))));
  });

  it('takes a plain JSON object of in-range quantities as exactly those readings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(inRange, { selector: ([q]) => q, minLength: 1, maxLength: 6 }),
        fc.integer({ min: NOW - 86_400_000, max: NOW }),
        (pairs, ts) => {
          const result = parse(JSON.stringify({ ...Object.fromEntries(pairs), ts }));
          expect(result.ok && result.readings).toEqual(
            pairs.map(([quantity, value]) => ({
              sensorId: 'aq-1',
              quantity,
              value: value === 0 ? 0 : value,
              ts,
            })),
          );
        },
      ),
    );
  });

  it('reads a plain object and the same values as a SenML pack alike', () => {
    fc.assert(
      fc.property(fc.uniqueArray(inRange, { selector: ([q]) => q, minLength: 1, maxLength: 6 }), (pairs) => {
        const tsS = Math.floor(NOW / 1000) - 60;
        const plain = parse(JSON.stringify({ ...Object.fromEntries(pairs), ts: tsS * 1000 }));
        const senml = parse(
          JSON.stringify(pairs.map(([n, v], i) => (i === 0 ? { bn: 'aq-1:', bt: tsS, n, v } : { n, v }))),
        );
        expect(senml).toEqual(plain);
      }),
    );
  });
});
