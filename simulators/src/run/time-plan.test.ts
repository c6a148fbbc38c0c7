import { describe, expect, it } from 'vitest';
import { acceleratedStep, backfillStep, planTime } from './time-plan.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const base = { intervalMs: 10_000, backfillMs: 0 };

describe('planTime', () => {
  it('runs in real time without a speed or a period', () => {
    expect(planTime({ ...base, backfillMs: 2 * DAY }, NOW)).toEqual({
      kind: 'realtime',
      stepMs: 10_000,
      backfillMs: 2 * DAY,
    });
  });

  it('accelerates a year ending now at 10,000× with hourly readings', () => {
    expect(planTime({ ...base, speed: 10_000, durationMs: YEAR }, NOW)).toEqual({
      kind: 'accelerated',
      speed: 10_000,
      from: NOW - YEAR,
      to: NOW,
      stepMs: HOUR,
    });
  });

  it('accelerates from a start for ever when no end is given', () => {
    expect(planTime({ ...base, speed: 60, from: NOW - DAY }, NOW)).toMatchObject({
      from: NOW - DAY,
      to: undefined,
      stepMs: 30_000,
    });
  });

  it('backfills a period ending now, or between two times, as fast as possible', () => {
    expect(planTime({ ...base, durationMs: YEAR }, NOW)).toEqual({
      kind: 'backfill',
      from: NOW - YEAR,
      to: NOW,
      stepMs: HOUR,
    });
    expect(planTime({ ...base, from: NOW - DAY, to: NOW - HOUR }, NOW)).toEqual({
      kind: 'backfill',
      from: NOW - DAY,
      to: NOW - HOUR,
      stepMs: 300_000,
    });
    expect(planTime({ ...base, from: NOW - 10 * DAY, durationMs: DAY, stepMs: 60_000 }, NOW)).toMatchObject({
      from: NOW - 10 * DAY,
      to: NOW - 9 * DAY,
      stepMs: 60_000,
    });
  });

  it.each([
    [{ to: NOW - DAY }, /--from or --duration/],
    [{ from: NOW, to: NOW - DAY }, /ends before it starts/],
    [{ speed: 10, from: NOW, to: NOW }, /ends before it starts/],
  ])('refuses %j', (options, problem) => {
    const plan = planTime({ ...base, ...options }, NOW);
    expect('problem' in plan ? plan.problem : '').toMatch(problem);
  });
});

describe('publish steps', () => {
  it.each([
    [1, 10_000],
    [10, 10_000],
    [100, 30_000],
    [1000, 300_000],
    [3600, 15 * 60_000],
    [10_000, HOUR],
    [1e7, DAY],
  ])('publishes every ~¼ s of wall time at %d×: a step of %d ms', (speed, step) => {
    expect(acceleratedStep(speed)).toBe(step);
  });

  it('backfills hourly beyond two days, every 5 minutes below', () => {
    expect(backfillStep(YEAR)).toBe(HOUR);
    expect(backfillStep(DAY)).toBe(300_000);
  });
});
