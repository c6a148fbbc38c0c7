import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTimeFormat } from './time-format.js';

const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2030, 0, 1);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];

function parser(format: string, timeZone?: string) {
  const compiled = compileTimeFormat(timeZone === undefined ? { format } : { format, timeZone });
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.parse;
}

/** The wall-clock text of an instant in a zone, as `yyyy-MM-dd HH:mm:ss`. */
function wallClock(ts: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(ts)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const instant = fc.integer({ min: FROM, max: TO }).map((ts) => Math.floor(ts / 1000) * 1000);

describe('feed time formats', () => {
  it('reads back any instant written as ISO 8601', () => {
    const parse = parser('iso8601');
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (ts) => {
        expect(parse(new Date(ts).toISOString())).toEqual({ ok: true, ts });
      }),
    );
  });

  it('reads back epoch seconds and milliseconds, as numbers or text', () => {
    const [ms, s] = [parser('epoch_ms'), parser('epoch_s')];
    fc.assert(
      fc.property(instant, (ts) => {
        expect(ms(ts)).toEqual({ ok: true, ts });
        expect(ms(String(ts))).toEqual({ ok: true, ts });
        expect(s(ts / 1000)).toEqual({ ok: true, ts });
      }),
    );
  });

  it('reads back the local wall clock of any instant in any zone (one of two in a repeated hour)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ts, zone) => {
        const result = parser('yyyy-MM-dd HH:mm:ss', zone)(wallClock(ts, zone));
        expect(result.ok && (result.ts === ts || result.later === ts)).toBe(true);
      }),
    );
  });

  it('never throws on any cell, for any format', () => {
    const parsers = [
      parser('iso8601'),
      parser('epoch_s'),
      parser('dd/MM/yyyy HH:mm', 'Europe/Paris'),
      parser("d.M.yyyy h:mm a 'h'", 'UTC'),
    ];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.jsonValue()), (cell) => {
        for (const parse of parsers) {
          const result = parse(cell);
          if (result.ok) expect(Number.isFinite(result.ts)).toBe(true);
          else expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
