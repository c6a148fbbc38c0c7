import { describe, expect, it } from 'vitest';
import { findKpiDefinition } from '../catalogue.js';
import type { KpiDefinition } from '../definition.js';
import { DayTable } from './day-table.js';
import { evaluatePeriod } from './period-evaluation.js';

const context = (dates: string[]) => ({
  population: 1000,
  dates,
  districtOf: (id: string) => (id === 'c' ? 'east' : 'west'),
  districtPopulation: (d: string) => (d === 'east' ? 3000 : 1000),
});
const def = (id: string): KpiDefinition => {
  const found = findKpiDefinition(id);
  if (!found) throw new Error(id);
  return found;
};

describe('evaluatePeriod', () => {
  it('combines station means plainly, by district, or weighted by district population', () => {
    const table = new DayTable();
    for (let h = 0; h < 24; h += 1) {
      table.addReading('pm25', 'a', '2026-01-01', h, 10, false);
      table.addReading('pm25', 'b', '2026-01-01', h, 20, false);
      table.addReading('pm25', 'c', '2026-01-01', h, 40, false);
    }
    const base = def('env.air.pm25.annual');
    expect(evaluatePeriod(base, table, context(['2026-01-01'])).value).toBeCloseTo(70 / 3, 10);
    expect(
      evaluatePeriod({ ...base, spatial: 'districts' }, table, context(['2026-01-01'])).value,
    ).toBeCloseTo((15 + 40) / 2, 10);
    // West (a, b) 15 with 1000 people, east (c) 40 with 3000 people.
    expect(
      evaluatePeriod({ ...base, spatial: 'population_weighted' }, table, context(['2026-01-01'])).value,
    ).toBeCloseTo(33.75, 10);
  });

  it('reports hour coverage and flags insufficient data below the rule', () => {
    const table = new DayTable();
    for (let h = 0; h < 12; h += 1) table.addReading('pm25', 'a', '2026-01-01', h, 10, false);
    const result = evaluatePeriod(def('env.air.pm25.annual'), table, context(['2026-01-01', '2026-01-02']));
    expect(result.coverage).toBeCloseTo(12 / 48, 10);
    expect(result.sufficient).toBe(false);
  });

  it('counts only days with enough hours for day-based formulas', () => {
    const table = new DayTable();
    for (let h = 0; h < 24; h += 1) table.addReading('pm25', 'a', '2026-01-01', h, 80, false);
    for (let h = 0; h < 17; h += 1) table.addReading('pm25', 'a', '2026-01-02', h, 90, false);
    const result = evaluatePeriod(
      def('env.air.pm25.exceedance_days_gb'),
      table,
      context(['2026-01-01', '2026-01-02']),
    );
    expect([result.value, result.validDays]).toEqual([1, 1]);
  });

  it('reports a rolling-window total measured over a longer period as the average per window', () => {
    const table = new DayTable();
    table.addReading('cycling_count', 'bike', '2026-01-01', 8, 3000, false);
    table.addReading('cycling_count', 'bike', '2026-01-02', 8, 5000, false);
    const dates = ['2026-01-01', '2026-01-02'];
    expect(evaluatePeriod(def('eco.mobility.cycling'), table, context(dates)).value).toBe(4000);
    expect(evaluatePeriod(def('eco.mobility.cycling.annual'), table, context(dates)).value).toBe(8000);
  });
});
