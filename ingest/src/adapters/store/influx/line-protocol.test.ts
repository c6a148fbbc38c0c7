import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUANTITIES, type StoredReading } from '@ssc-monitor/core';
import { StoreError } from '../store-error.js';
import { MAX_TIME_MS, decodeTagValue, encodeTagValue, toLineProtocol } from './line-protocol.js';

const PM25 = QUANTITIES.pm25.id;
const T0 = Date.UTC(2026, 2, 1);
const point = (sensorId: string, district = 'centre', value = 1.5, ts = T0): StoredReading => ({
  sensorId,
  quantity: PM25,
  district,
  ts,
  value,
});

/** Splits at `separator` where it is not escaped; a backslash escapes the next character, as in influxd's scanner. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === separator) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, text.slice(from)];
}

/** InfluxDB 1.x unescapes only these three in tag keys and values. */
const unescapeTag = (text: string): string => text.replace(/\\([, =])/g, '$1');

/** Reads one line the way influxd does, failing where it would refuse the line. */
function parseLine(line: string): { measurement: string; tags: Record<string, string>; rest: string[] } {
  expect(line).not.toContain('\n');
  const [key = '', ...rest] = splitUnescaped(line, ' ');
  expect(rest).toHaveLength(2);
  const [measurement = '', ...pairs] = splitUnescaped(key, ',');
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const parts = splitUnescaped(pair, '=');
    expect(parts).toHaveLength(2);
    tags[unescapeTag(parts[0]!)] = unescapeTag(parts[1]!);
  }
  return { measurement, tags, rest };
}

describe('tag value encoding', () => {
  it.each([
    ['air-01', 'air-01'],
    ['50%', '50%25'],
    ['back\\slash', 'back%5Cslash'],
    ['new\nline\r\t', 'new%0Aline%0D%09'],
    ['\u007f', '%7F'],
    ['a,b=c d', 'a,b=c d'],
  ])('encodes %j as %j', (raw, encoded) => {
    expect(encodeTagValue(raw)).toBe(encoded);
    expect(decodeTagValue(encoded)).toBe(raw);
  });

  it('round-trips any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => decodeTagValue(encodeTagValue(s)) === s));
  });
});

describe('toLineProtocol', () => {
  it('writes measurement, sorted tags, a float field and ms time', () => {
    expect(toLineProtocol([point('air-01'), point('air-02', 'harbour', 20)])).toBe(
      `readings,district=centre,quantity=pm25,sensor=air-01 value=1.5 ${T0}\n` +
        `readings,district=harbour,quantity=pm25,sensor=air-02 value=20 ${T0}`,
    );
  });

  it.each(['a,b', 'a=b', 'a b', 'a\nb', 'a\\', 'a\\,b', 'a\\ b', '\\', 'x\\\\ value=1 1\nreadings,sensor=y'])(
    'keeps the sensor id %j inside its own tag',
    (sensorId) => {
      const body = toLineProtocol([point(sensorId, `${sensorId}-district`)]);
      const { measurement, tags, rest } = parseLine(body);
      expect(measurement).toBe('readings');
      expect(Object.keys(tags)).toEqual(['district', 'quantity', 'sensor']);
      expect(decodeTagValue(tags.sensor!)).toBe(sensorId);
      expect(decodeTagValue(tags.district!)).toBe(`${sensorId}-district`);
      expect(rest).toEqual(['value=1.5', String(T0)]);
    },
  );

  it('never lets a sensor id or district change the line structure', () => {
    const id = fc.string({ unit: 'binary', minLength: 1 });
    fc.assert(
      fc.property(
        id,
        id,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (sensorId, district, value) => {
          const { tags, rest } = parseLine(toLineProtocol([point(sensorId, district, value)]));
          expect(decodeTagValue(tags.sensor!)).toBe(sensorId);
          expect(decodeTagValue(tags.district!)).toBe(district);
          expect(tags.quantity).toBe(PM25);
          expect(Number(rest[0]!.slice('value='.length))).toBe(value === 0 ? 0 : value);
        },
      ),
    );
  });

  it('serialises a slice, rounds ts to whole ms, and keeps exponent floats', () => {
    const readings = [point('a'), point('b', 'centre', 1e21, T0 + 0.6), point('c', 'centre', 1.5e-7)];
    expect(toLineProtocol(readings, 1, 3).split('\n')).toEqual([
      `readings,district=centre,quantity=pm25,sensor=b value=1e+21 ${T0 + 1}`,
      `readings,district=centre,quantity=pm25,sensor=c value=1.5e-7 ${T0}`,
    ]);
  });

  it.each<[string, StoredReading]>([
    ['an empty sensor id', point('')],
    ['an empty district', point('a', '')],
    ['a NaN value', point('a', 'centre', Number.NaN)],
    ['an infinite value', point('a', 'centre', Number.POSITIVE_INFINITY)],
    ['a ts beyond int64 ns', point('a', 'centre', 1, MAX_TIME_MS + 1)],
    ['a NaN ts', point('a', 'centre', 1, Number.NaN)],
  ])('refuses %s with STORE_ERR_WRITE naming the reading', (_label, bad) => {
    const attempt = (): string => toLineProtocol([point('ok'), bad]);
    expect(attempt).toThrow(StoreError);
    expect(attempt).toThrow(/reading 1 /);
    expect(() => toLineProtocol([point('ok'), bad], 0, 1)).not.toThrow();
  });
});
