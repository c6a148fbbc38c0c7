import { describe, expect, it } from 'vitest';
import { validatePlan } from '../plan/parse-plan.js';
import type { Plan } from '../plan/plan.js';
import { KpiEngine } from './kpi-engine.js';

const NOW = Date.UTC(2026, 5, 30);

function demoPlan(): Plan {
  const result = validatePlan({
    version: 1,
    city: { name: 'Test', population: 1000, districts: [{ id: 'd1', name: 'D1' }] },
    kpis: [
      {
        id: 'env.air.pm25',
        baseline: { value: 20, period: { from: '2024-01-01', to: '2024-12-31' } },
        targets: [{ horizon: 'short', date: '2026-12-31', value: 10 }],
      },
      {
        id: 'env.energy.renewable_share',
        baseline: { value: 10, period: { from: '2024-01-01', to: '2024-12-31' } },
        targets: [{ horizon: 'short', date: '2026-12-31', value: 30 }],
      },
      {
        id: 'env.water.per_capita',
        baseline: { value: 150, period: { from: '2024-01-01', to: '2024-12-31' } },
        targets: [{ horizon: 'short', date: '2026-12-31', value: 120 }],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe('KpiEngine', () => {
  it('updates only the KPIs whose quantities arrive, and computes their snapshot', () => {
    const engine = new KpiEngine(demoPlan(), { now: () => NOW });
    const changed = engine.ingest([
      { sensorId: 's1', quantity: 'pm25', value: 11, ts: NOW - 60_000 },
      { sensorId: 's2', quantity: 'pm25', value: 13, ts: NOW - 30_000 },
    ]);
    expect([...changed]).toEqual(['env.air.pm25']);
    const pm25 = engine.snapshot('env.air.pm25');
    expect(pm25?.current).toEqual({ value: 12, at: NOW - 30_000, readings: 2, coverage: null, period: null });
    expect(pm25?.progress).toBeCloseTo(0.8, 10);
    // 2026-06-30 is 181/365 of the way from 2025-01-01 to 2027-01-01: expected ≈ 12.5; 12 is ahead.
    expect(pm25?.expected).toBeCloseTo(20 - 10 * ((365 + 180) / 730), 6);
    expect(pm25?.status).toBe('on_track');
  });

  it('evaluates ratio and per-capita formulas', () => {
    const engine = new KpiEngine(demoPlan(), { now: () => NOW });
    engine.ingest([
      { sensorId: 'g', quantity: 'energy_kwh', value: 1000, ts: NOW - 1000 },
      { sensorId: 'g', quantity: 'pv_kwh', value: 150, ts: NOW - 1000 },
      { sensorId: 'w', quantity: 'water_m3', value: 140, ts: NOW - 1000 },
    ]);
    expect(engine.snapshot('env.energy.renewable_share')?.current.value).toBeCloseTo(15, 10);
    // 140 m³ × 1000 L / 1000 inhabitants.
    expect(engine.snapshot('env.water.per_capita')?.current.value).toBeCloseTo(140, 10);
    expect(engine.snapshot('env.energy.renewable_share')?.status).toBe('off_track');
  });

  it('says no_data without readings or when the newest reading is older than the window', () => {
    let now = NOW;
    const engine = new KpiEngine(demoPlan(), { now: () => now });
    expect(engine.snapshot('env.air.pm25')?.status).toBe('no_data');
    engine.ingest([{ sensorId: 's1', quantity: 'pm25', value: 12, ts: NOW }]);
    now = NOW + 25 * 3_600_000;
    expect(engine.snapshot('env.air.pm25')?.status).toBe('no_data');
    expect(engine.snapshot('missing')).toBeUndefined();
  });
});

describe('KpiEngine with calendar KPIs', () => {
  it('keeps the year to date in the city time zone, with coverage', () => {
    const result = validatePlan({
      version: 1,
      city: { name: 'T', population: 10, timezone: 'Asia/Shanghai', districts: [{ id: 'd', name: 'D' }] },
      kpis: [
        {
          id: 'env.air.pm25.annual',
          baseline: { value: 80, period: { from: '2025-01-01', to: '2025-12-31' } },
          targets: [{ horizon: 'short', date: '2027-12-31', value: 40 }],
        },
        {
          id: 'env.air.pm25.exceedance_days_gb',
          baseline: { value: 100, period: { from: '2025-01-01', to: '2025-12-31' } },
          targets: [{ horizon: 'short', date: '2027-12-31', value: 50 }],
        },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const now = Date.UTC(2026, 0, 2, 16); // 2026-01-03 00:00 in Beijing
    const engine = new KpiEngine(result.plan, { now: () => now });
    const day1 = Date.UTC(2025, 11, 31, 16); // 2026-01-01 00:00 local
    const hourly = Array.from({ length: 48 }, (_, h) => ({
      sensorId: 's',
      quantity: 'pm25' as const,
      value: h < 24 ? 100 : 50,
      ts: day1 + h * 3_600_000,
    }));
    // A reading of the previous local year does not count toward 2026.
    engine.ingest([...hourly, { sensorId: 's', quantity: 'pm25', value: 999, ts: day1 - 1 }]);
    const annual = engine.snapshot('env.air.pm25.annual');
    expect(annual?.current.value).toBe(75);
    expect(annual?.current.period).toEqual({ from: '2026-01-01', to: '2026-01-03' });
    expect(annual?.current.coverage).toBeCloseTo(48 / 72, 10);
    expect(engine.snapshot('env.air.pm25.exceedance_days_gb')?.current.value).toBe(1);
  });
});
