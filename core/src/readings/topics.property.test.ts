import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSensorTopic, SENSOR_ID_PATTERN, sensorTopic } from './topics.js';

const idChar = fc.constantFrom(...'abcXYZ019._:-');
const sensorId = fc
  .tuple(fc.constantFrom(...'aZ7'), fc.string({ unit: idChar, maxLength: 127 }))
  .map(([first, rest]) => first + rest);
const prefix = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom('a', '/', '-', 'é'), maxLength: 10 }),
);

describe('sensor topics', () => {
  it('parse(build(prefix, id)) is the id for every valid id', () => {
    fc.assert(
      fc.property(prefix, sensorId, (p, id) => {
        expect(parseSensorTopic(p, sensorTopic(p, id))).toBe(id);
      }),
    );
  });

  it('returns either undefined or a valid id for any topic, and never throws', () => {
    fc.assert(
      fc.property(prefix, fc.string({ unit: 'binary', maxLength: 200 }), (p, rest) => {
        const id = parseSensorTopic(p, `${p}sensors/${rest}`);
        if (id !== undefined) {
          expect(id).toMatch(SENSOR_ID_PATTERN);
          expect(id).toBe(rest);
        } else expect(SENSOR_ID_PATTERN.test(rest)).toBe(false);
      }),
    );
  });

  it('refuses topics under another prefix', () => {
    fc.assert(
      fc.property(sensorId, (id) => {
        expect(parseSensorTopic('a/', sensorTopic('b/', id))).toBeUndefined();
      }),
    );
  });
});
