import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUANTITIES } from '../vocabulary/quantities.js';
import { compileFeedMapping, mapFeedRow, newRowMappingContext, type RowError } from './feed-mapping.js';
import { validateFeed } from './feed-validate.js';

const NOW = Date.UTC(2026, 10, 25, 12);

function mapping(extra: Record<string, unknown>) {
  const feed = validateFeed({
    id: 'f',
    url: 'https://example.org/x',
    format: 'json',
    schedule: '1h',
    ...extra,
  });
  if (!feed.ok) throw new Error(JSON.stringify(feed.issues));
  const compiled = compileFeedMapping(feed.feed);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.mapping;
}

const iso = mapping({ sensor: 's', time: { column: 't' }, readings: [{ quantity: 'pm25', column: 'v' }] });
const comma = mapping({
  format: 'csv',
  sensor: 's',
  time: { column: 't' },
  csv: { delimiter: ';', header: true, decimal: ',' },
  readings: [{ quantity: 'pm25', column: 'v' }],
});
const wide = mapping({
  sensor: { column: 'station', prefix: 'st-' },
  time: { column: ['d', 'h'], format: 'yyyy-MM-dd HH', timeZone: 'Europe/Paris' },
  readings: [
    { quantity: 'no2', column: 'a.b', unit: 'ppb' },
    { quantity: 'temperature', column: 'c', unit: 'degF' },
  ],
});

const pm25 = fc.double({ min: 0, max: QUANTITIES.pm25.max, noNaN: true, noDefaultInfinity: true });
const ts = fc.integer({ min: Date.UTC(2001, 0, 1), max: NOW });

function run(m: typeof iso, values: Record<string, unknown>) {
  const errors: RowError[] = [];
  const readings = mapFeedRow(m, { row: 1, line: null, values }, newRowMappingContext(NOW), (e) =>
    errors.push(e),
  );
  return { readings, errors };
}

describe('feed row mapping', () => {
  it('maps a number, or its text with either decimal separator, to the same reading', () => {
    fc.assert(
      fc.property(pm25, ts, (v, t) => {
        const time = new Date(t).toISOString();
        const expected = [{ sensorId: 's', quantity: 'pm25', value: v, ts: t }];
        expect(run(iso, { t: time, v }).readings).toEqual(expected);
        expect(run(iso, { t: time, v: String(v) }).readings).toEqual(expected);
        if (!String(v).includes('e'))
          expect(run(comma, { t: time, v: String(v).replace('.', ',') }).readings).toEqual(expected);
      }),
    );
  });

  it('never throws on any record, and gives each refused cell one coded error', () => {
    const key = fc.constantFrom('t', 'v', 'd', 'h', 'a', 'c', 'station', 'toString', '__proto__', 'valueOf');
    const cell = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('toString', 'valueOf', 'b'), fc.jsonValue()),
    );
    fc.assert(
      fc.property(fc.dictionary(key, cell), (raw) => {
        const values = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
        for (const m of [iso, wide]) {
          const { readings, errors } = run(m, values);
          expect(readings.length + errors.length).toBeGreaterThanOrEqual(1);
          expect(readings.length + errors.length).toBeLessThanOrEqual(m.readings.length);
          for (const r of readings) expect(Number.isFinite(r.value) && Number.isFinite(r.ts)).toBe(true);
          for (const e of errors) expect(e.code).toMatch(/^FEED_ERR_/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
