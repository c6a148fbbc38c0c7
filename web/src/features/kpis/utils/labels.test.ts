import { describe, expect, it } from 'vitest';
import { kpiSnapshot } from '../../../test-support/fixtures';
import type { Formula, FormulaKind } from '@ssc-monitor/core';
import { formatDuration } from '../../../lib/format';
import { formulaInWords, ordinal, spatialInWords, windowInWords } from './formula-words';
import { baselineLabel, kpiTileSummary, periodYears, targetLabel } from './kpi-labels';

describe('KPI labels', () => {
  it('names targets by year, value and unit', () => {
    expect(targetLabel({ horizon: 'short', date: '2027-12-31', value: 15 }, 'µg/m³')).toBe(
      '2027 target 15 µg/m³',
    );
    expect(targetLabel({ horizon: 'long', date: '2035-12-31', value: 38000 }, 'vehicles/day')).toBe(
      '2035 target 38,000 vehicles/day',
    );
  });

  it('names the baseline with its period', () => {
    const period = { from: '2024-01-01', to: '2024-12-31' };
    expect(baselineLabel({ value: 62, period }, '%')).toBe('Baseline 62% (2024)');
    expect(periodYears({ from: '2023-07-01', to: '2024-06-30' })).toBe('2023–2024');
  });

  it('summarises a tile in one sentence', () => {
    expect(kpiTileSummary(kpiSnapshot())).toBe(
      'Fine particulate matter (PM2.5): 16.2 µg/m³, On track. Baseline 17.8 µg/m³ (2024). ' +
        '2027 target 15 µg/m³, 56% of the way there. Open details.',
    );
  });

  it('says no data plainly, and leaves out what is unknown', () => {
    const summary = kpiTileSummary(
      kpiSnapshot({
        current: { value: null, at: null, readings: 0, coverage: null, period: null },
        status: 'no_data',
        progress: null,
      }),
    );
    expect(summary).toContain('Fine particulate matter (PM2.5): no data.');
    expect(summary).toContain('2027 target 15 µg/m³.');
    expect(kpiTileSummary(kpiSnapshot({ nextTarget: null }))).not.toContain('target');
  });
});

describe('formulaInWords', () => {
  // A Record over FormulaKind: adding a formula kind to core fails to compile until it is described here.
  const EVERY_KIND: Readonly<Record<FormulaKind, [Formula, string]>> = {
    mean: [{ kind: 'mean', quantity: 'pm25' }, 'Mean of all PM2.5 readings (µg/m³) across sensors'],
    sum: [{ kind: 'sum', quantity: 'traffic_count' }, 'Sum of all Vehicles counted readings (vehicles)'],
    min: [
      { kind: 'min', quantity: 'temperature' },
      'Lowest of all Air temperature readings (°C) across sensors',
    ],
    max: [
      { kind: 'max', quantity: 'noise_laeq' },
      'Highest of all Noise LAeq readings (dB(A)) across sensors',
    ],
    share_above: [
      { kind: 'share_above', quantity: 'noise_laeq', threshold: 55 },
      'Share of Noise LAeq readings (dB(A)) above 55 dB(A), in percent',
    ],
    share_below: [
      { kind: 'share_below', quantity: 'temperature', threshold: 0 },
      'Share of Air temperature readings (°C) at or below 0 °C, in percent',
    ],
    ratio: [
      { kind: 'ratio', numerator: 'pv_kwh', denominator: 'energy_kwh', scale: 100 },
      'Sum of PV energy generated readings (kWh) ÷ sum of Energy consumed readings (kWh) × 100',
    ],
    per_capita: [
      { kind: 'per_capita', quantity: 'water_m3', scale: 1000, perDay: true },
      'Sum of all Water consumed readings (m³) × 1,000 ÷ city population ÷ days in the window',
    ],
    median: [
      { kind: 'median', quantity: 'no2', day: 'mean' },
      "Median of the city's daily mean NO₂ (µg/m³) over the days with enough data",
    ],
    percentile: [
      { kind: 'percentile', quantity: 'pm25', day: 'mean', p: 99 },
      "99th percentile (nearest rank) of the city's daily mean PM2.5 (µg/m³) over the days with enough data",
    ],
    count_days_above: [
      { kind: 'count_days_above', quantity: 'temperature', day: 'max', threshold: 30 },
      'Days whose daily highest Air temperature (°C) is above 30 °C (days with enough data)',
    ],
    change_rate: [
      { kind: 'change_rate', of: { kind: 'sum', quantity: 'cycling_count' } },
      'Change in percent from the previous period of: sum of all Bicycles counted readings (bicycles)',
    ],
  };

  it.each(Object.values(EVERY_KIND))('describes %j', (formula, words) => {
    expect(formulaInWords(formula)).toBe(words);
  });

  it('leaves out a scale of 1 and the per-day division when not asked for', () => {
    expect(formulaInWords({ kind: 'per_capita', quantity: 'energy_kwh', scale: 1 })).toBe(
      'Sum of all Energy consumed readings (kWh) ÷ city population',
    );
  });

  it('names percentiles with English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 50, 99, 97.5].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '50th',
      '99th',
      '97.5th',
    ]);
  });

  it('says how station values combine', () => {
    expect(spatialInWords(undefined)).toBe('All readings pooled, whichever station sent them');
    expect(spatialInWords('population_weighted')).toContain('weighted by district population');
  });
});

describe('windows', () => {
  it.each([
    [45_000, '45 s'],
    [30 * 60_000, '30 min'],
    [2.5 * 60_000, '2.5 min'],
    [3_600_000, '1 h'],
    [90 * 60_000, '1.5 h'],
    [86_400_000, '24 h'],
    [3 * 86_400_000, '3 d'],
    [36 * 3_600_000, '36 h'],
    [7 * 86_400_000, '7 d'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('describes rolling and calendar windows', () => {
    expect(windowInWords({ kind: 'rolling', ms: 86_400_000 })).toBe(
      'Rolling 24 h, ending at the newest reading',
    );
    expect(windowInWords({ kind: 'calendar', unit: 'year' })).toBe(
      "Calendar year to date, in the city's time zone",
    );
  });
});
