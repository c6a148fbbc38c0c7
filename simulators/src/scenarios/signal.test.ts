import type { QuantityId } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { loadDemoPlan, localMs } from '../test-support/demo-plan.js';
import { createDemoCity } from './demo-city.js';
import { modulate, modulateOffset } from './signal.js';
import { TRAFFIC_SHAPE } from './shapes.js';
import { localTime, weeklyMean, type Shape } from './time.js';

const city = createDemoCity(loadDemoPlan().sensors, 3);
const HOUR = 3_600_000;

/** Mean per local hour of the day of a quantity summed over its sensors, over the weekdays of four weeks. */
function hourlyProfile(quantity: QuantityId): number[] {
  const sums = Array<number>(24).fill(0);
  const counts = Array<number>(24).fill(0);
  const start = localMs('2026-03-02T00:00:00');
  for (let end = start + HOUR; end <= start + 28 * 24 * HOUR; end += HOUR) {
    const { hour, weekend } = localTime(end - HOUR / 2);
    if (weekend) continue;
    const total = city.readings(end, HOUR).reduce((s, r) => (r.quantity === quantity ? s + r.value : s), 0);
    sums[Math.floor(hour)] = (sums[Math.floor(hour)] ?? 0) + total;
    counts[Math.floor(hour)] = (counts[Math.floor(hour)] ?? 0) + 1;
  }
  return sums.map((s, h) => s / (counts[h] ?? 1));
}

const peakHour = (profile: number[]) => profile.indexOf(Math.max(...profile));
const quietestHour = (profile: number[]) => profile.indexOf(Math.min(...profile));

describe('diurnal profiles over four weeks of weekdays', () => {
  it.each([
    ['traffic_count', [7, 8, 16, 17]],
    ['cycling_count', [7, 8, 16, 17]],
    ['no2', [7, 8, 16, 17]],
    ['energy_kwh', [17, 18, 19]],
    ['water_m3', [6, 7, 8]],
    ['pv_kwh', [11, 12, 13]],
    ['o3', [13, 14, 15, 16]],
  ] as Array<[QuantityId, number[]]>)('%s peaks in the hours %j', (quantity, hours) => {
    expect(hours).toContain(peakHour(hourlyProfile(quantity)));
  });

  it.each([
    ['traffic_count', [1, 2, 3, 4]],
    ['noise_laeq', [0, 1, 2, 3, 4]],
    ['water_m3', [0, 1, 2, 3, 4]],
  ] as Array<[QuantityId, number[]]>)('%s is lowest at night, in the hours %j', (quantity, hours) => {
    expect(hours).toContain(quietestHour(hourlyProfile(quantity)));
  });
});

describe('modulate', () => {
  const week = (shape: Shape) => weeklyMean(shape);

  it('returns the profile itself at amplitudes 1, so calibrated output does not move', () => {
    expect(modulate(TRAFFIC_SHAPE, 1, 1)).toBe(TRAFFIC_SHAPE);
    expect(modulateOffset(TRAFFIC_SHAPE, 1, 1)).toBe(TRAFFIC_SHAPE);
  });

  it.each([
    [0, 0],
    [0.5, 1],
    [1.5, 0.5],
    [1, 2],
  ])('keeps the weekly mean at diurnal %d, weekly %d', (diurnal, weekly) => {
    expect(week(modulate(TRAFFIC_SHAPE, diurnal, weekly))).toBeCloseTo(1, 2);
    expect(week(modulateOffset(TRAFFIC_SHAPE, diurnal, weekly))).toBeCloseTo(1, 2);
  });

  it('flattens a profile at 0 and deepens it above 1', () => {
    const rush = localTime(localMs('2026-03-03T08:00:00'));
    const night = localTime(localMs('2026-03-03T03:00:00'));
    const swing = (shape: Shape) => shape(rush) - shape(night);
    expect(swing(modulate(TRAFFIC_SHAPE, 0, 0))).toBeCloseTo(0, 10);
    expect(swing(modulate(TRAFFIC_SHAPE, 1.5, 1))).toBeGreaterThan(1.2 * swing(TRAFFIC_SHAPE));
  });

  it('moves the weekend against the weekdays with the weekly amplitude', () => {
    const sunday = localTime(localMs('2026-03-08T12:00:00'));
    const tuesday = localTime(localMs('2026-03-03T12:00:00'));
    const ratio = (shape: Shape) => shape(sunday) / shape(tuesday);
    expect(ratio(modulate(TRAFFIC_SHAPE, 1, 2))).toBeLessThan(ratio(TRAFFIC_SHAPE));
    expect(ratio(modulate(TRAFFIC_SHAPE, 1, 0))).toBeGreaterThan(ratio(TRAFFIC_SHAPE));
  });
});
