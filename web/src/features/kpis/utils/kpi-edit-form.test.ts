import { describe, expect, it } from 'vitest';
import type { PlanKpi } from '@ssc-monitor/core';
import {
  formFromPlan,
  isCalendarDate,
  kpiBody,
  kpiChanged,
  parseNumber,
  toleranceOf,
  validateForm,
  type KpiEditForm,
} from './kpi-edit-form';

const entry: PlanKpi = {
  id: 'env.air.pm25',
  baseline: { value: 17.8, period: { from: '2024-01-01', to: '2024-12-31' }, dataQuality: 'unknown' },
  trajectory: 'linear',
  targets: [
    { horizon: 'short', date: '2027-12-31', value: 15 },
    { horizon: 'medium', date: '2030-12-31', value: 10 },
  ],
};
const form = (patch: Partial<KpiEditForm> = {}): KpiEditForm => ({
  ...formFromPlan(entry, { tolerance: 0.1 }),
  ...patch,
});
const row = (date: string, value = '12') => ({ key: date, horizon: 'long' as const, date, value });

describe('the KPI edit form', () => {
  it('starts from the plan and finds nothing wrong with it', () => {
    expect(form()).toMatchObject({ baselineValue: '17.8', tolerancePercent: '10' });
    expect(validateForm(form())).toEqual({});
    expect(kpiChanged(form(), entry)).toBe(false);
  });

  it.each([
    [
      'a target dated before the baseline ends',
      { targets: [row('2024-06-30')] },
      'targets.0.date',
      /after the baseline period/,
    ],
    [
      'a target on the last baseline day',
      { targets: [row('2024-12-31')] },
      'targets.0.date',
      /after the baseline/,
    ],
    ['an impossible date', { targets: [row('2027-02-30')] }, 'targets.0.date', /YYYY-MM-DD/],
    [
      'a target value that is not a number',
      { targets: [row('2029-12-31', '12 µg')] },
      'targets.0.value',
      /number/,
    ],
    [
      'two targets on one date',
      { targets: [row('2029-12-31'), row('2029-12-31')] },
      'targets.1.date',
      /same date/,
    ],
    ['no targets', { targets: [] }, 'targets', /at least one/],
    ['a period ending before it starts', { baselineFrom: '2025-01-01' }, 'baseline.to', /on or after/],
    ['a baseline value left empty', { baselineValue: '' }, 'baseline.value', /number/],
    ['a tolerance above 100 %', { tolerancePercent: '150' }, 'tolerance', /0 to 100/],
  ])('flags %s', (_what, patch, field, message) => {
    const errors = validateForm(form(patch));
    expect(errors[field]).toMatch(message);
  });

  it('reads numbers as people type them and refuses the rest', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' -3 ')).toBe(-3);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12abc')).toBeNull();
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(toleranceOf(form({ tolerancePercent: '12.5' }))).toBe(0.125);
  });

  it('sends the edited baseline and targets in form order, keeping the entry’s other fields', () => {
    const edited = form({
      baselineValue: '18.2',
      targets: [row('2031-12-31', '9'), row('2028-12-31', '14')],
    });
    const body = kpiBody(edited, { ...entry, scope: { districts: ['centre'] } });
    expect(body.baseline).toEqual({ ...entry.baseline, value: 18.2 });
    expect(body.targets.map((t) => t.date)).toEqual(['2031-12-31', '2028-12-31']);
    expect(body).toMatchObject({ trajectory: 'linear', scope: { districts: ['centre'] } });
    expect(kpiChanged(edited, entry)).toBe(true);
  });

  it('sends a frozen baseline exactly as the plan has it, whatever the form says', () => {
    const frozen = {
      ...entry,
      baseline: {
        ...entry.baseline,
        frozen: {
          at: 1,
          by: 'ana',
          value: 17.8,
          coverage: 0.9,
          readings: 100,
          sensors: ['a'],
          from: '2024-01-01',
          to: '2024-12-31',
          timeZone: 'UTC',
          formula: {},
          catalogueVersion: '1',
        },
      },
    };
    expect(kpiBody(form({ baselineValue: '3' }), frozen).baseline).toBe(frozen.baseline);
  });
});
