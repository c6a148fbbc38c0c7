import { describe, expect, it } from 'vitest';
import { fitLine, projectTrend } from './trend.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const target = { horizon: 'short' as const, date: '2027-12-31', value: 10 };

describe('trend', () => {
  it('fits a least-squares line', () => {
    const line = fitLine([0, 1, 2, 3].map((i) => ({ t: i, value: 2 * i + 1 })));
    expect(line?.slope).toBeCloseTo(2, 12);
    expect(line?.intercept).toBeCloseTo(1, 12);
    expect(
      fitLine([
        { t: 1, value: 3 },
        { t: 2, value: null },
      ]),
    ).toBeNull();
  });

  it('projects a falling pollutant to the target date and says whether the target is met', () => {
    // 20 µg/m³ falling 5 µg/m³ a year: about 10 at the end of 2027.
    const falling = Array.from({ length: 90 }, (_, i) => ({ t: T0 + i * DAY, value: 20 - (5 * i) / 365.25 }));
    const met = projectTrend(falling, { ...target, value: 11 }, 'lower_is_better', 'µg/m³');
    expect(met?.slopePerYear).toBeCloseTo(-5, 6);
    expect(met?.meetsTarget).toBe(true);
    expect(met?.verdict).toMatch(/^At the current trend, the 2027 target of 11 µg\/m³ is met/);
    const missed = projectTrend(falling, { ...target, value: 5 }, 'lower_is_better', 'µg/m³');
    expect(missed?.meetsTarget).toBe(false);
    expect(missed?.missByPercent).toBeCloseTo((((missed?.projected ?? 0) - 5) / 5) * 100, 6);
    expect(missed?.verdict).toMatch(/is missed by \d+ %/);
  });

  it('needs at least two weeks of points over a month before projecting years ahead', () => {
    expect(projectTrend([{ t: T0, value: 1 }], target, 'higher_is_better', '%')).toBeNull();
    const twoDays = Array.from({ length: 48 }, (_, i) => ({ t: T0 + i * 3_600_000, value: 20 - i }));
    expect(projectTrend(twoDays, target, 'lower_is_better', 'µg/m³')).toBeNull();
    const fewPoints = Array.from({ length: 10 }, (_, i) => ({ t: T0 + i * 5 * DAY, value: 20 - i }));
    expect(projectTrend(fewPoints, target, 'lower_is_better', 'µg/m³')).toBeNull();
  });
});
