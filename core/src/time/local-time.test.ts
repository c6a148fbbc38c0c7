import { describe, expect, it } from 'vitest';
import { isTimeZone, localDateHour, nextDate, startOfLocalDate, zoneOffsetMs } from './local-time.js';

const HOUR = 3_600_000;

describe('local time', () => {
  it('knows fixed and DST offsets', () => {
    expect(zoneOffsetMs(Date.UTC(2016, 5, 1), 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2013, 0, 15), 'America/Los_Angeles')).toBe(-8 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2013, 6, 15), 'America/Los_Angeles')).toBe(-7 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2013, 6, 15), 'UTC')).toBe(0);
  });

  it('gives the local date and hour of an instant', () => {
    expect(localDateHour(Date.UTC(2016, 0, 1, 16, 30), 'Asia/Shanghai')).toEqual({
      date: '2016-01-02',
      hour: 0,
    });
    expect(localDateHour(Date.UTC(2014, 0, 1, 7, 0), 'America/Los_Angeles')).toEqual({
      date: '2013-12-31',
      hour: 23,
    });
  });

  it('finds the UTC start of a local date, across DST', () => {
    expect(startOfLocalDate('2016-01-01', 'Asia/Shanghai')).toBe(Date.UTC(2015, 11, 31, 16));
    expect(startOfLocalDate('2013-01-01', 'America/Los_Angeles')).toBe(Date.UTC(2013, 0, 1, 8));
    expect(startOfLocalDate('2013-07-01', 'America/Los_Angeles')).toBe(Date.UTC(2013, 6, 1, 7));
    expect(startOfLocalDate('2013-03-10', 'America/Los_Angeles')).toBe(Date.UTC(2013, 2, 10, 8));
    expect(startOfLocalDate('2013-03-11', 'America/Los_Angeles')).toBe(Date.UTC(2013, 2, 11, 7));
  });

  it('steps dates and checks zone names', () => {
    expect(nextDate('2016-02-28')).toBe('2016-02-29');
    expect(nextDate('2015-12-31')).toBe('2016-01-01');
    expect(isTimeZone('Europe/Oslo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
