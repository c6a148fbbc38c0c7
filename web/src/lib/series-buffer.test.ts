import { describe, expect, it } from 'vitest';
import { appendPoint } from './series-buffer';

const HOUR = 3_600_000;
const limits = { maxPoints: 5, windowMs: 10 * HOUR, minSpacingMs: 5 * 60_000 };
const hourly = (n: number) => Array.from({ length: n }, (_, i) => ({ t: i * HOUR, value: i }));

describe('appendPoint', () => {
  it('appends a newer point without mutating the input', () => {
    const points = hourly(3);
    const next = appendPoint(points, { t: 3 * HOUR, value: 9 }, limits);
    expect(next.map((p) => p.value)).toEqual([0, 1, 2, 9]);
    expect(points).toHaveLength(3);
  });

  it('starts a series from nothing', () => {
    expect(appendPoint([], { t: 5, value: 1 }, limits)).toEqual([{ t: 5, value: 1 }]);
  });

  it('slides the newest point until it is a full spacing past the one before, then starts a new one', () => {
    const spaced = { ...limits, maxPoints: 100, minSpacingMs: HOUR };
    let points = appendPoint(hourly(3), { t: 2 * HOUR + 5 * 60_000, value: 7 }, spaced);
    expect(points.map((p) => p.t)).toEqual([0, HOUR, 2 * HOUR, 2 * HOUR + 5 * 60_000]);
    for (let minute = 10; minute <= 60; minute += 5) {
      points = appendPoint(points, { t: 2 * HOUR + minute * 60_000, value: minute }, spaced);
    }
    expect(points.map((p) => p.t)).toEqual([0, HOUR, 2 * HOUR, 3 * HOUR]);
    points = appendPoint(points, { t: 3 * HOUR + 60_000, value: 1 }, spaced);
    expect(points.map((p) => p.t)).toEqual([0, HOUR, 2 * HOUR, 3 * HOUR, 3 * HOUR + 60_000]);
  });

  it('replaces a point of the same time with its new value', () => {
    const next = appendPoint(hourly(3), { t: 2 * HOUR, value: 7 }, limits);
    expect(next.map((p) => p.value)).toEqual([0, 1, 7]);
  });

  it('ignores late points and returns the same array when nothing changes', () => {
    const points = hourly(3);
    expect(appendPoint(points, { t: HOUR, value: 5 }, limits)).toBe(points);
    expect(appendPoint(points, { t: 2 * HOUR, value: 2 }, limits)).toBe(points);
  });

  it('keeps at most maxPoints', () => {
    const next = appendPoint(hourly(5), { t: 5 * HOUR, value: 5 }, limits);
    expect(next.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('drops points older than the time window, keeping at least the new one', () => {
    const next = appendPoint(hourly(3), { t: 11.5 * HOUR, value: 9 }, limits);
    expect(next.map((p) => p.t)).toEqual([2 * HOUR, 11.5 * HOUR]);
    expect(appendPoint(hourly(1), { t: 100 * HOUR, value: 1 }, limits)).toEqual([
      { t: 100 * HOUR, value: 1 },
    ]);
  });

  it('keeps gaps (null values) as points, so the chart shows them as gaps', () => {
    const next = appendPoint(hourly(2), { t: 2 * HOUR, value: null }, limits);
    expect(next.at(-1)).toEqual({ t: 2 * HOUR, value: null });
  });
});
