import { describe, expect, it } from 'vitest';
import { kpiSnapshot } from '../../../test-support/fixtures';
import { formatDuration, formulaInWords, windowInWords } from './formula-words';
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
      kpiSnapshot({ current: { value: null, at: null, readings: 0 }, status: 'no_data', progress: null }),
    );
    expect(summary).toContain('Fine particulate matter (PM2.5): no data.');
    expect(summary).toContain('2027 target 15 µg/m³.');
    expect(kpiTileSummary(kpiSnapshot({ nextTarget: null }))).not.toContain('target');
  });
});

describe('formulaInWords', () => {
  it.each([
    [{ kind: 'mean', quantity: 'pm25' } as const, 'Mean of all PM2.5 readings (µg/m³) across sensors'],
    [{ kind: 'sum', quantity: 'traffic_count' } as const, 'Sum of all Vehicles counted readings (vehicles)'],
    [
      { kind: 'share_above', quantity: 'noise_laeq', threshold: 55 } as const,
      'Share of Noise LAeq readings (dB(A)) above 55 dB(A), in percent',
    ],
    [
      { kind: 'ratio', numerator: 'pv_kwh', denominator: 'energy_kwh', scale: 100 } as const,
      'Sum of PV energy generated readings (kWh) ÷ sum of Energy consumed readings (kWh) × 100',
    ],
    [
      { kind: 'per_capita', quantity: 'water_m3', scale: 1000 } as const,
      'Sum of all Water consumed readings (m³) × 1,000 ÷ city population',
    ],
  ])('describes %j', (formula, words) => {
    expect(formulaInWords(formula)).toBe(words);
  });
});

describe('windows', () => {
  it.each([
    [30 * 60_000, '30 min'],
    [3_600_000, '1 h'],
    [90 * 60_000, '1.5 h'],
    [86_400_000, '24 h'],
    [3 * 86_400_000, '3 d'],
    [36 * 3_600_000, '36 h'],
    [7 * 86_400_000, '7 d'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('describes a rolling window', () => {
    expect(windowInWords({ kind: 'rolling', ms: 86_400_000 })).toBe(
      'Rolling 24 h, ending at the newest reading',
    );
  });
});
