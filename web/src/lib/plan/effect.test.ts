import { describe, expect, it } from 'vitest';
import { addMonths, computeEffect, effectPeriods, effectRequests } from './effect';

describe('before/after effect of an initiative', () => {
  it('compares the 12 months before the start with the time since', () => {
    expect(effectPeriods('2025-03-01', '2026-12-31', '2025-11-20')).toEqual({
      before: { from: '2024-03-01', to: '2025-02-28' },
      after: { from: '2025-03-01', to: '2025-11-20' },
    });
    expect(effectPeriods('2024-03-01', '2024-12-31', '2025-11-20').after).toEqual({
      from: '2024-03-01',
      to: '2024-12-31',
    });
    expect(effectPeriods('2026-01-01', '2027-01-01', '2025-11-20').after).toBeNull();
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it.each([
    ['PM2.5 falling', 20, 17, 'lower_is_better', 'better', /^Fell 15 % .*: better\.$/],
    ['PM2.5 rising', 17, 20, 'lower_is_better', 'worse', /^Rose 18 %/],
    ['cycling rising', 1000, 1200, 'higher_is_better', 'better', /^Rose 20 %.*better/],
    ['cycling falling', 1000, 900, 'higher_is_better', 'worse', /^Fell 10 %.*worse/],
    ['a change within 1 %', 100, 100.5, 'higher_is_better', 'unchanged', /^No clear change/],
  ] as const)('reads %s in the KPI’s direction', (_what, before, after, direction, tone, text) => {
    const effect = computeEffect(before, after, direction, 'u');
    expect(effect.tone).toBe(tone);
    expect(effect.text).toMatch(text);
    expect(effect.change).toBeCloseTo(after - before);
  });

  it('says which side has no data rather than guessing', () => {
    expect(computeEffect(null, 12, 'lower_is_better', 'u')).toMatchObject({ tone: 'unknown', change: null });
    expect(computeEffect(12, null, 'lower_is_better', 'u').text).toMatch(/since the start/);
    expect(computeEffect(0, 2, 'higher_is_better', 'u')).toMatchObject({ tone: 'better', relative: null });
  });

  it('asks for two measurements per linked KPI, one before an initiative starts', () => {
    const requests = effectRequests(
      [
        { id: 'bus', start: '2025-01-01', end: '2026-01-01', kpis: ['a', 'b'] },
        { id: 'later', start: '2030-01-01', end: '2031-01-01', kpis: ['a'] },
      ],
      '2025-06-01',
    );
    expect(requests.map((r) => r.key)).toEqual([
      'bus|a|before',
      'bus|a|after',
      'bus|b|before',
      'bus|b|after',
      'later|a|before',
    ]);
  });
});
