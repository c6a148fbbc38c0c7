import { describe, expect, it } from 'vitest';
import { compileTimeFormat } from './time-format.js';
import { instantsOf, isTimeZone, offsetAt, type WallTime } from './zoned-time.js';

const wall = (year: number, month: number, day: number, hour: number, minute = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe('compileTimeFormat', () => {
  it.each([
    ['MM/DD/YYYY hh:mm:ss A', '10/03/2012 12:00:00 AM', wall(2012, 10, 3, 0)],
    ['MM/DD/YYYY hh:mm:ss A', '10/03/2012 12:30:00 PM', wall(2012, 10, 3, 12, 30)],
    ['MM/DD/YYYY hh:mm:ss A', '05/12/2014 01:00:00 PM', wall(2014, 5, 12, 13)],
    ['YYYY M D H', '2013 3 1 0', wall(2013, 3, 1, 0)],
    ['YYYY M D H', '2016 12 31 23', wall(2016, 12, 31, 23)],
    ['YYYY-MM-DD HH:mm', '2024-02-29 07:05', wall(2024, 2, 29, 7, 5)],
  ])('%s reads %s', (format, text, expected) => {
    expect(compileTimeFormat(format)(text)).toEqual(expected);
  });

  it.each([
    ['YYYY M D H', '2013 2 30 0'],
    ['YYYY M D H', '2013 3 1 24'],
    ['YYYY M D H', '2013-3-1 0'],
    ['MM/DD/YYYY hh:mm:ss A', '10/03/2012 12:00:00'],
  ])('%s refuses %s', (format, text) => {
    expect(compileTimeFormat(format)(text)).toBeUndefined();
  });

  it.each(['YYYY-MM-DD', 'MM/DD/YYYY hh:mm'])('refuses the incomplete format %s', (format) => {
    expect(() => compileTimeFormat(format)).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('knows IANA zones and fixed offsets', () => {
    expect(['America/Los_Angeles', 'Asia/Shanghai', 'UTC', '+08:00', '-0530'].every(isTimeZone)).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('gives offsets either side of a daylight-saving change', () => {
    expect(offsetAt('America/Los_Angeles', Date.UTC(2014, 4, 12, 12))).toBe(-7 * 3_600_000);
    expect(offsetAt('America/Los_Angeles', Date.UTC(2014, 0, 12, 12))).toBe(-8 * 3_600_000);
    expect(offsetAt('+08:00', 0)).toBe(8 * 3_600_000);
  });

  it('finds two instants in the repeated autumn hour and none in the skipped spring hour', () => {
    expect(instantsOf(wall(2013, 11, 3, 1), 'America/Los_Angeles')).toEqual([
      Date.UTC(2013, 10, 3, 8),
      Date.UTC(2013, 10, 3, 9),
    ]);
    expect(instantsOf(wall(2014, 3, 9, 2), 'America/Los_Angeles')).toEqual([]);
    expect(instantsOf(wall(2014, 3, 9, 3), 'America/Los_Angeles')).toEqual([Date.UTC(2014, 2, 9, 10)]);
    expect(instantsOf(wall(2016, 1, 1, 0), 'Asia/Shanghai')).toEqual([Date.UTC(2015, 11, 31, 16)]);
  });
});
