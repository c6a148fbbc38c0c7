import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import {
  buildTrajectoryOption,
  endOfDate,
  trajectoryPoints,
  trajectorySignature,
  trendLines,
  niceStep,
  valueRange,
  type TrajectoryInput,
} from './trajectory-option';
import { THEME } from '../../config/theme';

const baseline = { value: 20, period: { from: '2024-01-01', to: '2024-12-31' } };
const targets = [
  { horizon: 'medium' as const, date: '2030-12-31', value: 10 },
  { horizon: 'short' as const, date: '2027-12-31', value: 15 },
];
const trend = {
  slopePerYear: -1,
  projected: 16,
  target: targets[1]!,
  meetsTarget: false,
  missByPercent: 6.7,
  verdict: 'missed',
};
const input = (patch: Partial<TrajectoryInput> = {}): TrajectoryInput => ({
  baseline,
  targets,
  trajectory: 'linear',
  unit: 'µg/m³',
  points: [
    { t: Date.UTC(2025, 0, 1), value: 19 },
    { t: Date.UTC(2025, 0, 2), value: null },
  ],
  current: { value: 18, at: Date.UTC(2025, 5, 1) },
  trend,
  now: Date.UTC(2025, 5, 1),
  theme: { ...THEME, fontSize: 13 },
  ...patch,
});
const lines = (patch: Partial<TrajectoryInput> = {}) =>
  (buildTrajectoryOption(input(patch)).series as LineSeriesOption[]).filter((s) => s.type === 'line');

describe('the trajectory chart option', () => {
  it('draws a dashed expected path from the baseline to each target, in date order', () => {
    const paths = lines().filter((s) => String(s.name).startsWith('Expected path'));
    expect(paths.map((s) => s.name)).toEqual(['Expected path to 2027', 'Expected path to 2030']);
    expect(paths.every((s) => s.lineStyle?.type === 'dashed')).toBe(true);
    expect(paths[0]?.data).toEqual([
      [endOfDate('2024-12-31'), 20],
      [endOfDate('2027-12-31'), 15],
    ]);
  });

  it('bends a compound path at a constant yearly rate, and keeps it straight when no rate exists', () => {
    const curve = trajectoryPoints(baseline, { horizon: 'short', date: '2027-12-31', value: 5 }, 'compound');
    expect(curve.length).toBeGreaterThan(2);
    const middle = curve[Math.floor(curve.length / 2)]!;
    expect(middle[1]).toBeCloseTo(10, 5);
    expect(trajectoryPoints({ ...baseline, value: 0 }, targets[0]!, 'compound')).toHaveLength(2);
  });

  it('ends the trend projection at the projected value on the target date, at the fitted slope', () => {
    const now = Date.UTC(2025, 5, 1);
    const { fitted, projection } = trendLines(trend, now);
    expect(projection.at(-1)).toEqual([endOfDate('2027-12-31'), 16]);
    const [[t0, v0], [t1, v1]] = fitted as [[number, number], [number, number]];
    expect(((v1 - v0) / (t1 - t0)) * 365.25 * 86_400_000).toBeCloseTo(-1);
    expect(fitted[1]).toEqual(projection[0]);
    expect(lines().map((s) => s.name)).toContain('Trend projected');
    expect(lines({ trend: null }).map((s) => s.name)).not.toContain('Trend projected');
  });

  it('puts the measured series first, spans baseline start to last target, and is plain when compact', () => {
    const option = buildTrajectoryOption(input());
    const series = option.series as LineSeriesOption[];
    expect(series[0]).toMatchObject({
      name: 'Measured',
      data: [
        [Date.UTC(2025, 0, 1), 19],
        [Date.UTC(2025, 0, 2), null],
      ],
    });
    expect(option.xAxis).toMatchObject({ min: Date.UTC(2024, 0, 1), max: endOfDate('2030-12-31') });
    const compact = buildTrajectoryOption(input({ compact: true }));
    expect(compact.tooltip).toBeUndefined();
    expect(compact.animation).toBe(false);
    expect(trajectorySignature(targets)).toBe('2027-12-31:15|2030-12-31:10');
  });
});

describe('the trajectory value axis', () => {
  it('covers the plan and the data, and clips a wild projection at half the span beyond', () => {
    const range = valueRange(input({ trend: { ...trend, projected: -105 } }));
    expect(range.min).toBeGreaterThanOrEqual(0);
    expect(range.max).toBeGreaterThanOrEqual(20);
    expect(range.max).toBeLessThanOrEqual(25);
    const negative = valueRange(input({ baseline: { ...baseline, value: -4 }, trend: null }));
    expect(negative.min).toBeLessThan(-4);
  });
});

describe('nice axis steps', () => {
  it.each([
    [0.7, 1],
    [3, 5],
    [2.2, 2.5],
    [3200, 5000],
    [10, 10],
  ])('rounds %s up to %s', (raw, step) => {
    expect(niceStep(raw)).toBeCloseTo(step);
  });
});
