import type { QuantityId } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { loadDemoPlan, localMs } from '../test-support/demo-plan.js';
import { createDemoCity, generateDemoReadings, type SimSensor } from './demo-city.js';
import { summarise } from './summary.js';

const sensors = loadDemoPlan().sensors;
const DAY = 86_400_000;
const TUESDAY = localMs('2026-11-24T00:00:00');
const MONDAY = localMs('2026-11-23T00:00:00');

/** What the demo KPIs should read over 24 h (sums of all counters, means of all stations). */
const CALIBRATION: ReadonlyArray<readonly [QuantityId, number]> = [
  ['pm25', 14],
  ['pm10', 24],
  ['no2', 30],
  ['o3', 55],
  ['noise_laeq', 62],
  ['traffic_count', 48_000],
  ['traffic_speed', 32],
  ['cycling_count', 7_500],
  ['energy_kwh', 1_375_000],
  ['pv_kwh', 0.12 * 1_375_000],
  ['water_m3', 35_000],
  ['water_leakage_m3', 0.18 * 35_000],
  ['water_pressure', 4.5],
  ['waste_fill_pct', 57],
];

function level(summary: ReturnType<typeof summarise>, quantity: QuantityId, days = 1): number {
  const entry = summary[quantity];
  if (entry === undefined) throw new Error(`no ${quantity} readings`);
  return entry.level === entry.sum ? entry.sum / days : entry.level;
}

function at(quantity: QuantityId, kind: string, t: number, dtMs = 300_000): number {
  const city = createDemoCity(
    sensors.filter((s) => s.kind === kind),
    1,
  );
  return city
    .readings(t, dtMs)
    .filter((r) => r.quantity === quantity)
    .reduce((sum, r) => sum + r.value, 0);
}

describe('demo city calibration', () => {
  const city = createDemoCity(sensors, 1);
  const fine = summarise(city, TUESDAY, TUESDAY + DAY, 10_000);
  const coarse = summarise(city, TUESDAY, TUESDAY + DAY, 300_000);

  it.each(CALIBRATION)('%s over a weekday at 10 s lands within a tenth of %d', (quantity, target) => {
    expect(Math.abs(level(fine, quantity) / target - 1)).toBeLessThan(0.1);
  });

  it.each(CALIBRATION)('%s over a weekday agrees at 10 s and 5 min intervals', (quantity) => {
    expect(Math.abs(level(fine, quantity) / level(coarse, quantity) - 1)).toBeLessThan(0.02);
  });

  it.each([1, 2, 3])('keeps the weekly means within 5 percent for seed %d', (seed) => {
    const week = summarise(createDemoCity(sensors, seed), MONDAY, MONDAY + 7 * DAY, 300_000);
    const off = CALIBRATION.map(
      ([quantity, target]) => [quantity, level(week, quantity, 7) / target] as const,
    )
      .filter(([, ratio]) => Math.abs(ratio - 1) >= 0.05)
      .map(([quantity, ratio]) => `${quantity} at ${ratio.toFixed(3)} of target`);
    expect(off).toEqual([]);
  });

  it('puts about two thirds of the noise readings above 55 dB(A), with quiet nights', () => {
    expect(fine.noise_laeq?.percentAbove).toBeGreaterThan(58);
    expect(fine.noise_laeq?.percentAbove).toBeLessThan(70);
    const night = summarise(city, TUESDAY + 1 * 3_600_000, TUESDAY + 5 * 3_600_000, 300_000);
    expect(night.noise_laeq?.mean).toBeGreaterThan(49);
    expect(night.noise_laeq?.mean).toBeLessThan(55);
  });

  it('gives a late-November temperature of about 3–7 °C', () => {
    expect(fine.temperature?.mean).toBeGreaterThan(2);
    expect(fine.temperature?.mean).toBeLessThan(8);
  });
});

describe('demo city shape', () => {
  const hour = (h: number, day = TUESDAY) => day + h * 3_600_000;

  it('has a morning rush hour of traffic, NO₂ and noise', () => {
    expect(at('traffic_count', 'traffic', hour(8.5))).toBeGreaterThan(
      5 * at('traffic_count', 'traffic', hour(3.5)),
    );
    expect(at('no2', 'air_quality', hour(8.5))).toBeGreaterThan(2 * at('no2', 'air_quality', hour(3.5)));
    expect(at('noise_laeq', 'noise', hour(8.5))).toBeGreaterThan(at('noise_laeq', 'noise', hour(3.5)) + 40);
  });

  it('slows traffic at rush hour', () => {
    expect(at('traffic_speed', 'traffic', hour(8.5))).toBeLessThan(
      at('traffic_speed', 'traffic', hour(3.5)) - 20,
    );
  });

  it('peaks ozone in the afternoon', () => {
    expect(at('o3', 'air_quality', hour(14))).toBeGreaterThan(at('o3', 'air_quality', hour(7.5)) * 1.2);
  });

  it('generates PV around midday and none at night', () => {
    for (const h of [0.5, 3, 6, 18, 22]) expect(at('pv_kwh', 'energy', hour(h))).toBe(0);
    expect(at('pv_kwh', 'energy', hour(12.5))).toBeGreaterThan(0);
  });

  it('keeps a night water flow of mostly leakage', () => {
    const flow = at('water_m3', 'water', hour(3.5));
    const leakage = at('water_leakage_m3', 'water', hour(3.5));
    expect(leakage / flow).toBeGreaterThan(0.5);
    expect(at('water_m3', 'water', hour(7.5))).toBeGreaterThan(3 * flow);
  });

  it('has less traffic and cycling on a Sunday than on a Tuesday', () => {
    const sunday = localMs('2026-11-29T00:00:00');
    const week = (day: number) => summarise(createDemoCity(sensors, 1), day, day + DAY, 300_000);
    const [tue, sun] = [week(TUESDAY), week(sunday)];
    expect(level(sun, 'traffic_count')).toBeLessThan(0.9 * level(tue, 'traffic_count'));
    expect(level(sun, 'cycling_count')).toBeLessThan(0.95 * level(tue, 'cycling_count'));
  });

  it('fills waste bins over about two days and empties them', () => {
    const bin: SimSensor[] = [{ id: 'bin-x', district: 'centre', kind: 'waste' }];
    const city = createDemoCity(bin, 1);
    const fills = Array.from(
      { length: 96 },
      (_, h) => city.readings(hour(h + 1), 3_600_000)[0]?.value ?? NaN,
    );
    const drops = fills.filter((v, i) => i > 0 && v < (fills[i - 1] ?? 0) - 40).length;
    expect(drops).toBe(2);
    expect(Math.max(...fills)).toBeGreaterThan(90);
    expect(Math.min(...fills)).toBeLessThan(25);
  });
});

describe('demo city readings', () => {
  it('are the same for the same seed and differ for another seed', () => {
    const t = TUESDAY + 10 * 3_600_000;
    expect(generateDemoReadings(sensors, 5, t, 10_000)).toEqual(generateDemoReadings(sensors, 5, t, 10_000));
    expect(generateDemoReadings(sensors, 5, t, 10_000)).not.toEqual(
      generateDemoReadings(sensors, 6, t, 10_000),
    );
  });

  it('are timestamped at the end of the interval, every value in its quantity range', () => {
    const t = TUESDAY + 7_777_000;
    const readings = generateDemoReadings(sensors, 1, t, 10_000);
    expect(readings.length).toBeGreaterThan(sensors.length);
    for (const r of readings) {
      expect(r.ts).toBe(t);
      expect(Number.isFinite(r.value) && r.value >= (r.quantity === 'temperature' ? -90 : 0)).toBe(true);
    }
  });

  it('leave out sensors of unknown kinds and list them', () => {
    const odd: SimSensor[] = [
      { id: 'x-1', district: 'centre', kind: 'radar' },
      { id: 'x-2', district: 'centre' },
      { id: 'aq-1', district: 'centre', kind: 'air_quality' },
    ];
    const city = createDemoCity(odd, 1);
    expect(city.unsupported.map((s) => s.id)).toEqual(['x-1', 'x-2']);
    expect(new Set(city.readings(TUESDAY, 10_000).map((r) => r.sensorId))).toEqual(new Set(['aq-1']));
  });

  it('refuse an empty or negative interval', () => {
    expect(() => generateDemoReadings(sensors, 1, TUESDAY, 0)).toThrow(RangeError);
  });
});
