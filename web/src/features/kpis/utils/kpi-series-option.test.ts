import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { THEME } from '../../../config/theme';
import { kpiSnapshot } from '../../../test-support/fixtures';
import { buildKpiSeriesOption, type KpiSeriesChartInput } from './kpi-series-option';
import { niceStep, valueExtent } from './value-extent';

const HOUR = 3_600_000;
const to = Date.UTC(2026, 10, 25, 12);
const from = to - 3 * HOUR;
const points = [
  { t: from, value: 17.1 },
  { t: from + HOUR, value: null },
  { t: from + 2 * HOUR, value: 16.6 },
  { t: to, value: 16.2 },
];

function build(overrides: Partial<KpiSeriesChartInput> = {}) {
  const option = buildKpiSeriesOption({
    kpi: kpiSnapshot(),
    points,
    from,
    to,
    now: to,
    theme: { ...THEME, fontSize: 13 },
    ...overrides,
  });
  const series = (Array.isArray(option.series) ? option.series[0] : option.series) as LineSeriesOption;
  return { option, series };
}

describe('buildKpiSeriesOption', () => {
  it('plots every point, keeping gaps, with a dot on points that have a gap on both sides', () => {
    const { series } = build();
    expect(series.data).toEqual([
      { value: [from, 17.1], symbol: 'circle', symbolSize: 13 * 0.7 },
      [from + HOUR, null],
      [from + 2 * HOUR, 16.6],
      [to, 16.2],
    ]);
    expect(series.connectNulls).toBe(false);
    expect(series.symbol).toBe('none');
  });

  it('labels target lines on the side away from the baseline', () => {
    const positions = (build().series.markLine?.data ?? []).map(
      (line) => (line as { label?: { position?: string } }).label?.position,
    );
    // Lower is better here: the targets are below the baseline, their labels under their lines.
    expect(positions).toEqual(['insideStartTop', 'insideStartBottom', 'insideStartBottom']);
  });

  it('draws the baseline as a solid labelled line and each target as a dashed labelled line', () => {
    const lines = build().series.markLine?.data ?? [];
    const described = lines.map((line) =>
      'yAxis' in line
        ? [line.yAxis, line.lineStyle?.type, (line.label as { formatter?: unknown } | undefined)?.formatter]
        : null,
    );
    expect(described).toEqual([
      [17.8, 'solid', 'Baseline 17.8 µg/m³ (2024)'],
      [15, 'dashed', '2027 target 15 µg/m³'],
      [10, 'dashed', '2030 target 10 µg/m³'],
    ]);
  });

  it('marks the expected value today at the right edge of the axis', () => {
    const { series, option } = build({ now: to + 10 * 60_000 });
    const marker = series.markPoint?.data?.[0];
    expect(marker).toMatchObject({ coord: [to + 10 * 60_000, 16.4], symbol: 'diamond' });
    expect((marker?.label as { formatter?: unknown } | undefined)?.formatter).toBe(
      'Expected today 16.4 µg/m³',
    );
    expect(option.xAxis).toMatchObject({ min: from, max: to + 10 * 60_000 });
  });

  it('has no expected marker when the plan gives no trajectory', () => {
    expect(build({ kpi: kpiSnapshot({ expected: null }) }).series.markPoint?.data).toEqual([]);
  });

  it('sizes the y-axis to include baseline and every target, not only the data', () => {
    const { option } = build();
    expect(option.yAxis).toMatchObject({ min: 8, max: 20 });
    const far = build({ kpi: kpiSnapshot({ targets: [{ horizon: 'long', date: '2035-12-31', value: 5 }] }) });
    const axis = far.option.yAxis as { min: number; max: number };
    expect(axis.min).toBeLessThanOrEqual(5);
    expect(axis.max).toBeGreaterThanOrEqual(17.8);
  });

  it('offers zooming by mouse and by slider', () => {
    const zoom = build().option.dataZoom;
    expect(Array.isArray(zoom) ? zoom.map((z) => z.type) : []).toEqual(['inside', 'slider']);
  });

  it('draws reference values as dotted labelled lines and keeps them on the axis', () => {
    const references = [
      { label: 'WHO AQG annual', value: 5, source: 'WHO global air quality guidelines (2021)' },
      { label: 'EU annual limit', value: 25, source: 'EU Ambient Air Quality Directive 2008/50/EC' },
    ];
    const { series, option } = build({ references });
    const dotted = (series.markLine?.data ?? []).filter(
      (line) => 'lineStyle' in line && line.lineStyle?.type === 'dotted',
    );
    expect(
      dotted.map((line) => [
        'yAxis' in line ? line.yAxis : null,
        (line as { label?: { formatter?: unknown } }).label?.formatter,
      ]),
    ).toEqual([
      [5, 'WHO AQG annual 5 µg/m³'],
      [25, 'EU annual limit 25 µg/m³'],
    ]);
    const axis = option.yAxis as { min: number; max: number };
    expect([axis.min <= 5, axis.max >= 25]).toEqual([true, true]);
  });

  it('shades the baseline period when it falls inside the range, clipped to the axis', () => {
    const DAY = 24 * HOUR;
    expect(build().series.markArea?.data).toEqual([]);
    const since = Date.UTC(2023, 11, 1);
    const area = build({ from: since }).series.markArea?.data?.[0] as unknown as [
      { xAxis: number; name: string },
      { xAxis: number },
    ];
    expect(area[0]).toMatchObject({ xAxis: Date.UTC(2024, 0, 1), name: 'Baseline period 2024' });
    expect(area[1].xAxis).toBe(Date.UTC(2024, 11, 31) + DAY);
    const inside = build({ from: Date.UTC(2024, 5, 1) }).series.markArea?.data?.[0] as unknown as [
      { xAxis: number },
      { xAxis: number },
    ];
    expect(inside[0].xAxis).toBe(Date.UTC(2024, 5, 1));
  });

  it('grows the time axis when live points pass the requested range', () => {
    const live = [...points, { t: to + HOUR, value: 16 }];
    expect(build({ points: live }).option.xAxis).toMatchObject({ max: to + HOUR });
  });
});

describe('valueExtent', () => {
  it('returns round bounds containing every value', () => {
    expect(valueExtent([16.2, 17.8, 15, 10])).toEqual({ min: 8, max: 20 });
    expect(valueExtent([52000, 45000, 38000, 49800])).toEqual({ min: 35000, max: 55000 });
  });

  it('never starts a non-negative range below zero, but follows negative values', () => {
    expect(valueExtent([0.5, 3])?.min).toBe(0);
    expect(valueExtent([-4, 3])?.min).toBeLessThan(-4);
  });

  it('handles a single value, nulls and no values', () => {
    expect(valueExtent([null, 62, undefined])).toEqual({ min: 55, max: 70 });
    expect(valueExtent([0])).toEqual({ min: 0, max: 1 });
    expect(valueExtent([null])).toBeNull();
  });

  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect([0.03, 0.15, 1, 1.2, 3, 7, 1400].map(niceStep)).toEqual([0.05, 0.2, 1, 2, 5, 10, 2000]);
  });
});
