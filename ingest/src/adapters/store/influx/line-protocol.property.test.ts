import { Point } from '@influxdata/influxdb-client';
import type { QuantityId, StoredReading } from '@ssc-monitor/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTagValue, encodeTagValue, rollupLine, toLineProtocol } from './line-protocol.js';

/**
 * A reference reader of one line, written from the InfluxDB 1.x line-protocol spec rather than from
 * the code under test: a backslash escapes the next character; the series key ends at the first
 * unescaped space; tags split at unescaped commas and `=`; tag keys and values unescape `\,` `\=` `\ `.
 */
function seriesKey(line: string): { measurement: string; tags: Map<string, string>; rest: string } {
  const cut = (text: string, sep: string): string[] => {
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i += 1) {
      if (text[i] === '\\') i += 1;
      else if (text[i] === sep) {
        parts.push(text.slice(from, i));
        from = i + 1;
      }
    }
    return [...parts, text.slice(from)];
  };
  const unescape = (text: string) => text.replace(/\\([, =])/g, '$1');
  const [key = '', ...rest] = cut(line, ' ');
  const [measurement = '', ...pairs] = cut(key, ',');
  const tags = new Map<string, string>();
  for (const pair of pairs) {
    const [k = '', v = '', ...extra] = cut(pair, '=');
    if (extra.length > 0) throw new Error(`tag '${pair}' has an unescaped '='`);
    tags.set(unescape(k), unescape(v));
  }
  return { measurement, tags, rest: rest.join(' ') };
}

/** Any non-empty text, including separators, escapes, control characters and astral symbols. */
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
const separators = fc.string({
  unit: fc.constantFrom(',', '=', ' ', '\n', '\r', '\\', '"', '%', 'a', 'é', '\t'),
  minLength: 1,
  maxLength: 12,
});
const tagText = fc.oneof(text, separators);

const reading = (sensorId: string, quantity: string, district: string): StoredReading => ({
  sensorId,
  quantity: quantity as QuantityId,
  district,
  value: 1.25,
  ts: Date.UTC(2026, 0, 1),
});

describe('line protocol escaping never alters the series key', () => {
  it('reads back sensor, quantity and district exactly, on one line', () => {
    fc.assert(
      fc.property(tagText, tagText, tagText, (sensorId, quantity, district) => {
        const line = toLineProtocol([reading(sensorId, quantity, district)]);
        expect(line).not.toMatch(/[\n\r]/);
        const key = seriesKey(line);
        expect(key.measurement).toBe('readings');
        expect([...key.tags.keys()]).toEqual(['district', 'quantity', 'sensor']);
        expect(decodeTagValue(key.tags.get('sensor') ?? '')).toBe(sensorId);
        expect(decodeTagValue(key.tags.get('quantity') ?? '')).toBe(quantity);
        expect(decodeTagValue(key.tags.get('district') ?? '')).toBe(district);
        expect(key.rest).toBe(`value=1.25 ${Date.UTC(2026, 0, 1)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('gives distinct series keys to distinct sensors', () => {
    fc.assert(
      fc.property(tagText, tagText, (a, b) => {
        fc.pre(a !== b);
        // Compare parsed keys: a naive split at the first space would cut at an escaped one.
        const [la, lb] = [a, b].map((id) => {
          const key = seriesKey(toLineProtocol([reading(id, 'pm25', 'centre')]));
          return JSON.stringify([key.measurement, [...key.tags]]);
        });
        expect(la).not.toBe(lb);
      }),
      { examples: [[' ', ' ,']] },
    );
  });

  it('writes the same series key as the InfluxDB client for the encoded tags', () => {
    fc.assert(
      fc.property(tagText, tagText, (sensorId, district) => {
        const ours = toLineProtocol([reading(sensorId, 'pm25', district)]);
        const theirs = new Point('readings')
          .tag('sensor', encodeTagValue(sensorId))
          .tag('quantity', 'pm25')
          .tag('district', encodeTagValue(district))
          .floatField('value', 1.25)
          .timestamp('')
          .toLineProtocol();
        expect(seriesKey(ours).tags).toEqual(seriesKey(theirs ?? '').tags);
      }),
    );
  });

  it('gives a roll-up the series key of its raw readings plus the resolution tag', () => {
    fc.assert(
      fc.property(
        tagText,
        tagText,
        fc.constantFrom('hour', 'day') as fc.Arbitrary<'hour' | 'day'>,
        (sensorId, district, resolution) => {
          const raw = seriesKey(toLineProtocol([reading(sensorId, 'pm25', district)]));
          // Roll-up points carry tag values as stored (encoded), as queries return them.
          const line = rollupLine(
            {
              sensor: encodeTagValue(sensorId),
              quantity: 'pm25',
              district: encodeTagValue(district),
              bucket: 0,
              count: 1,
              sum: 1,
              min: 1,
              max: 1,
            },
            resolution,
          );
          expect(line).not.toMatch(/[\n\r]/);
          const rollup = seriesKey(line);
          const { resolution: tag, ...rest } = Object.fromEntries(rollup.tags);
          expect(tag).toBe(resolution === 'hour' ? '1h' : '1d');
          expect(rest).toEqual(Object.fromEntries(raw.tags));
        },
      ),
    );
  });
});
