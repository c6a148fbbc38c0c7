import { describe, expect, it } from 'vitest';
import { fieldForIssue, issuesToFieldErrors, parseIssues } from './plan-issues';

describe('server issues on form fields', () => {
  it('parses the plan validator’s lines, the freeze route’s list and request validation', () => {
    const planInvalid =
      'The plan has 2 issue(s):\nplan /kpis/2/targets/1/date: target date must be after the baseline period\nplan /tolerance: Expected number to be less or equal to 1';
    expect(parseIssues(planInvalid)).toEqual([
      {
        path: '/kpis/2/targets/1/date',
        message: 'target date must be after the baseline period',
        scope: 'plan',
      },
      { path: '/tolerance', message: 'Expected number to be less or equal to 1', scope: 'plan' },
    ]);
    expect(
      parseIssues('/kpis/0/baseline/period: baseline period ends before it starts; /city/timezone: bad'),
    ).toHaveLength(2);
    expect(
      parseIssues(
        "body 'targets.0.value' must be number; body 'baseline.period.to' must match pattern \"^x$\". The parameters of every route are described at /docs.",
      ),
    ).toEqual([
      { path: '/targets/0/value', message: 'must be number', scope: 'kpi-body' },
      { path: '/baseline/period/to', message: 'must match pattern "^x$"', scope: 'kpi-body' },
    ]);
  });

  it.each([
    ['/kpis/2/targets/1/date', 'targets.1.date'],
    ['/kpis/2/targets/0/value', 'targets.0.value'],
    ['/kpis/2/targets/0', 'targets.0.date'],
    ['/kpis/2/targets', 'targets'],
    ['/kpis/2/baseline/period', 'baseline.to'],
    ['/kpis/2/baseline/period/from', 'baseline.from'],
    ['/kpis/2/baseline/value', 'baseline.value'],
    ['/tolerance', 'tolerance'],
    ['/kpis/1/targets/0/date', 'form'],
    ['/city/timezone', 'form'],
  ])('maps %s of the KPI at index 2 to %s', (path, field) => {
    expect(fieldForIssue({ path, message: 'x', scope: 'plan' }, 2)).toBe(field);
  });

  it('keeps every issue: several on one field are joined, unknown ones go to the form', () => {
    const errors = issuesToFieldErrors(
      'plan /kpis/0/targets/0/date: target date must be after the baseline period\nplan /kpis/0/targets/0/date: not a calendar date\nplan /sensors/3/district: unknown district',
      0,
    );
    expect(errors['targets.0.date']).toBe(
      'Target date must be after the baseline period. Not a calendar date.',
    );
    expect(errors.form).toBe('/sensors/3/district: unknown district');
    expect(issuesToFieldErrors('Something else went wrong', 0)).toEqual({
      form: 'Something else went wrong',
    });
  });
});
