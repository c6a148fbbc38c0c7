import { describe, expect, it } from 'vitest';
import { nextScheduledRun } from '../feeds/feed-schedule.js';
import { parsePlanYaml } from './parse-plan.js';
import { parseReportSchedule } from './report-schedule.js';

const PLAN = [
  'version: 1',
  'city: { name: X, population: 5, districts: [{ id: d1, name: D }] }',
  'kpis:',
  '  - id: env.air.pm25',
  '    baseline: { value: 10, period: { from: 2024-01-01, to: 2024-12-31 } }',
  '    targets: [{ horizon: short, date: 2027-12-31, value: 8 }]',
  'reports:',
];

describe('parseReportSchedule', () => {
  it.each([
    ['monthly', '2026-12-01T06:00:00.000Z'],
    ['Weekly', '2026-11-30T06:00:00.000Z'],
    ['daily', '2026-11-26T06:00:00.000Z'],
    ['30 7 * * 5', '2026-11-27T07:30:00.000Z'],
    ['12h', '2026-11-26T03:00:00.000Z'],
  ])('%s runs next at %s after Wed 25 Nov 2026 15:00 UTC', (text, next) => {
    const parsed = parseReportSchedule(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(
      new Date(nextScheduledRun(parsed.schedule, Date.parse('2026-11-25T15:00:00Z')) ?? 0).toISOString(),
    ).toBe(next);
  });

  it('refuses text that is no schedule, saying what is accepted', () => {
    const parsed = parseReportSchedule('fortnightly');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(/monthly, weekly, daily/);
  });
});

describe('plan reports', () => {
  it('defaults the audience to the council', () => {
    const result = parsePlanYaml([...PLAN, '  - { id: m, title: Monthly, schedule: monthly }'].join('\n'));
    expect(result.ok && result.plan.reports).toEqual([
      { id: 'm', title: 'Monthly', schedule: 'monthly', audience: 'council' },
    ]);
  });

  it('reports a bad schedule, a twice-listed id and an unknown audience with their lines', () => {
    const text = [
      ...PLAN,
      '  - { id: m, title: Monthly, schedule: monthly }',
      '  - { id: m, title: Again, schedule: sometimes }',
    ].join('\n');
    const result = parsePlanYaml(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.path])).toEqual([
      [9, '/reports/1/id'],
      [9, '/reports/1/schedule'],
    ]);
    const audience = parsePlanYaml(
      [...PLAN, '  - { id: m, title: M, schedule: daily, audience: press }'].join('\n'),
    );
    expect(audience.ok ? [] : audience.issues.map((i) => [i.line, i.path])).toEqual([
      [8, '/reports/0/audience'],
    ]);
  });
});
