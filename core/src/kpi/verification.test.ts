import { describe, expect, it } from 'vitest';
import type { PlanKpi } from '../plan/plan.js';
import { maturityLevel, verificationWarnings } from './verification.js';

const planKpi: PlanKpi = {
  id: 'env.air.pm25',
  baseline: { value: 20, period: { from: '2024-01-01', to: '2024-12-31' }, dataQuality: 'unknown' },
  trajectory: 'linear',
  targets: [{ horizon: 'short', date: '2027-12-31', value: 15 }],
  maturity: [
    { level: 1, value: 35 },
    { level: 2, value: 25 },
    { level: 3, value: 15 },
  ],
};
const current = (value: number | null, coverage: number | null = null) => ({
  value,
  at: 0,
  readings: 1,
  coverage,
  period: null,
});

describe('verification warnings', () => {
  it('flags shares outside 0–100 % beyond the 2 % tolerance only', () => {
    const check = (value: number) =>
      verificationWarnings(
        { id: 'x', unit: '%', current: current(value), catalogueVersion: 'v' },
        planKpi,
        () => null,
        0.75,
      );
    expect(check(101.5)).toEqual([]);
    expect(check(103)[0]).toMatch(/outside 0–100 %/);
    expect(check(-3)[0]).toMatch(/outside 0–100 %/);
  });

  it('flags PM2.5 above PM10 and low coverage, and a frozen baseline from another catalogue', () => {
    const frozen = {
      at: 0,
      by: 'a',
      value: 20,
      coverage: 1,
      readings: 1,
      sensors: [],
      from: '2024-01-01',
      to: '2024-12-31',
      timeZone: 'UTC',
      formula: {},
      catalogueVersion: 'old',
    };
    const warnings = verificationWarnings(
      { id: 'env.air.pm25', unit: 'µg/m³', current: current(30, 0.5), catalogueVersion: 'new' },
      { ...planKpi, baseline: { ...planKpi.baseline, frozen } },
      (id) => (id === 'env.air.pm10' ? 25 : null),
      0.75,
    );
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/exceeds env\.air\.pm10/);
    expect(warnings[1]).toMatch(/only 50 % of the period has data/);
    expect(warnings[2]).toMatch(/frozen under catalogue old/);
  });
});

describe('maturity level', () => {
  it('is the highest level reached in the KPI direction', () => {
    expect(maturityLevel(planKpi, 30, 'lower_is_better')).toBe(1);
    expect(maturityLevel(planKpi, 14, 'lower_is_better')).toBe(3);
    expect(maturityLevel(planKpi, 40, 'lower_is_better')).toBeNull();
    expect(maturityLevel({ ...planKpi, maturity: [{ level: 2, value: 50 }] }, 60, 'higher_is_better')).toBe(
      2,
    );
    expect(maturityLevel(planKpi, null, 'lower_is_better')).toBeNull();
  });
});
