import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedToEpoch } from '../time/local-time.js';
import { compileTimeFormat, type TimeFormatSpec } from './time-format.js';

function parserFor(spec: TimeFormatSpec) {
  const compiled = compileTimeFormat(spec);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.parse;
}

const FREMONT = { format: 'MM/dd/yyyy hh:mm:ss a', timeZone: 'America/Los_Angeles' };
const iso = (text: string) => Date.parse(text);

describe('compileTimeFormat', () => {
  it.each([
    [{ format: 'iso8601' }, '2026-11-25T10:00:00Z', iso('2026-11-25T10:00:00Z')],
    [{ format: 'iso8601' }, '2026-11-25T11:00:00+01:00', iso('2026-11-25T10:00:00Z')],
    [{ format: 'iso8601' }, '2026-11-25 11:00:00.250+0100', iso('2026-11-25T10:00:00.250Z')],
    [{ format: 'iso8601' }, '2026-11-25T05:30-0530', iso('2026-11-25T11:00:00Z')],
    [{ format: 'iso8601', timeZone: 'Europe/Paris' }, '2026-07-01T12:00:00', iso('2026-07-01T10:00:00Z')],
    [{ format: 'iso8601', timeZone: 'Europe/Paris' }, '2026-01-15', iso('2026-01-14T23:00:00Z')],
    [{ format: 'epoch_ms' }, 1_767_225_600_000, 1_767_225_600_000],
    [{ format: 'epoch_ms' }, '1767225600000', 1_767_225_600_000],
    [{ format: 'epoch_s' }, 1_767_225_600, 1_767_225_600_000],
    [{ format: 'epoch_s' }, '1767225600.5', 1_767_225_600_500],
    [
      { format: 'dd/MM/yyyy HH:mm', timeZone: 'Europe/Madrid' },
      '25/11/2026 11:00',
      iso('2026-11-25T10:00:00Z'),
    ],
    [{ format: "yyyy-MM-dd'T'HH", timeZone: 'UTC' }, '2026-11-25T10', iso('2026-11-25T10:00:00Z')],
    [
      { format: 'd.M.yyyy H:mm:ss.SSS', timeZone: 'Asia/Kolkata' },
      '5.1.2026 5:30:00.125',
      iso('2026-01-05T00:00:00.125Z'),
    ],
    [FREMONT, '10/03/2012 12:00:00 AM', iso('2012-10-03T07:00:00Z')],
    [FREMONT, '10/03/2012 12:00:00 PM', iso('2012-10-03T19:00:00Z')],
    [FREMONT, '01/15/2013 01:00:00 pm', iso('2013-01-15T21:00:00Z')],
  ])('%j reads %j', (spec, raw, expected) => {
    expect(parserFor(spec)(raw)).toEqual({ ok: true, ts: expected });
  });

  it.each([
    [{ format: 'iso8601' }, '2026-11-25T10:00:00', /no UTC offset/],
    [{ format: 'iso8601' }, '25/11/2026', /not ISO 8601/],
    [{ format: 'iso8601' }, '2026-02-30T10:00:00Z', /day 30 is not in month 2/],
    [{ format: 'epoch_ms' }, 'yesterday', /not a number of ms/],
    [FREMONT, '2012-10-03 00:00', /does not match the pattern/],
    [FREMONT, '10/03/2012 13:00:00 PM', /hour must be 1-12/],
    [FREMONT, 12345, /does not match/],
  ])('%j refuses %j', (spec, raw, reason) => {
    const result = parserFor(spec)(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it.each([
    [{ format: 'dd/MM/yyyy' }, /needs a timeZone/],
    [{ format: 'dd/MM/yyyy', timeZone: 'Mars/Olympus' }, /not an IANA time zone/],
    [{ format: 'dd/MM/yy', timeZone: 'UTC' }, /letter 'y' is not supported/],
    [{ format: 'HH:mm', timeZone: 'UTC' }, /has no year/],
    [{ format: 'yyyy-MM-dd hh:mm', timeZone: 'UTC' }, /mixes 12-hour and 24-hour/],
  ])('refuses the format %j', (spec, reason) => {
    const compiled = compileTimeFormat(spec);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.reason).toMatch(reason);
  });
});

describe('zonedToEpoch across daylight-saving changes', () => {
  const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
    millisecond: 0,
  });

  it('refuses a local time skipped when clocks go forward', () => {
    const result = zonedToEpoch(at(2013, 3, 10, 2), 'America/Los_Angeles');
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/does not exist in America\/Los_Angeles/),
    });
  });

  it('gives both instants of the repeated hour when clocks go back, earlier first', () => {
    expect(zonedToEpoch(at(2013, 11, 3, 1), 'America/Los_Angeles')).toEqual({
      ok: true,
      ts: iso('2013-11-03T08:00:00Z'),
      later: iso('2013-11-03T09:00:00Z'),
    });
    expect(zonedToEpoch(at(2026, 10, 25, 2, 30), 'Europe/Paris')).toEqual({
      ok: true,
      ts: iso('2026-10-25T00:30:00Z'),
      later: iso('2026-10-25T01:30:00Z'),
    });
  });

  it('handles half-hour daylight saving (Lord Howe Island)', () => {
    // Clocks go from 02:00 to 02:30 on the first Sunday of October.
    expect(zonedToEpoch(at(2026, 10, 4, 2, 15), 'Australia/Lord_Howe').ok).toBe(false);
    expect(zonedToEpoch(at(2026, 10, 4, 2, 30), 'Australia/Lord_Howe')).toEqual({
      ok: true,
      ts: iso('2026-10-03T15:30:00Z'),
    });
  });

  it('resolves times on either side of a change with the offset in force then', () => {
    expect(zonedToEpoch(at(2013, 3, 10, 1), 'America/Los_Angeles')).toEqual({
      ok: true,
      ts: iso('2013-03-10T09:00:00Z'),
    });
    expect(zonedToEpoch(at(2013, 3, 10, 3), 'America/Los_Angeles')).toEqual({
      ok: true,
      ts: iso('2013-03-10T10:00:00Z'),
    });
  });

  it('matches Intl for every hour of a year with two changes', () => {
    const zone = 'Europe/London';
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    for (let ts = iso('2025-01-01T00:00:00Z'); ts < iso('2026-01-01T00:00:00Z'); ts += 3_600_000) {
      const parts = Object.fromEntries(format.formatToParts(ts).map((p) => [p.type, Number(p.value)]));
      const result = zonedToEpoch(
        at(parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0),
        zone,
      );
      expect(result.ok && (result.ts === ts || result.later === ts)).toBe(true);
    }
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Nowhere/Special')).toBe(false);
  });
});
