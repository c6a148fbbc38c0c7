import { QUANTITIES, type AggregateQuery } from '@ssc-monitor/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  NEVER,
  floorTo,
  planAggregate,
  resolutionOf,
  spansOf,
  subtract,
  union,
  type AggregatePlan,
  type Span,
} from './rollup-plan.js';

const H = HOUR_MS;
const D = DAY_MS;
const T0 = Date.UTC(2026, 2, 1);
const clean = { dirtyHours: [], sealedBefore: NEVER };
const query = (part: Partial<AggregateQuery>): AggregateQuery => ({
  quantity: QUANTITIES.pm25.id,
  from: T0,
  to: T0 + D,
  every: H,
  groupBy: 'none',
  ...part,
});

describe('resolutionOf', () => {
  it.each<[string, Partial<AggregateQuery>, string]>([
    ['whole days', { every: 7 * D }, 'day'],
    ['whole hours', { every: 6 * H }, 'hour'],
    ['minutes', { every: 15 * 60_000 }, 'raw'],
    ['a threshold, even on whole days', { every: D, threshold: 5 }, 'raw'],
  ])('picks the finest that fits for %s', (_label, part, expected) => {
    expect(resolutionOf(query(part))).toBe(expected);
  });
});

describe('span arithmetic', () => {
  it('floors negative times down, not toward zero', () => {
    expect(floorTo(-1, H)).toBe(-H);
    expect(floorTo(-H, H)).toBe(-H);
    expect(floorTo(Number.MAX_SAFE_INTEGER, H) % H).toBe(0);
  });

  it('joins consecutive buckets, subtracts and unites', () => {
    expect(spansOf([0, H, 3 * H], H)).toEqual([
      { from: 0, to: 2 * H },
      { from: 3 * H, to: 4 * H },
    ]);
    expect(
      subtract(
        [{ from: 0, to: 10 }],
        [
          { from: 2, to: 4 },
          { from: 8, to: 12 },
        ],
      ),
    ).toEqual([
      { from: 0, to: 2 },
      { from: 4, to: 8 },
    ]);
    expect(
      union([
        { from: 5, to: 9 },
        { from: 0, to: 5 },
        { from: 3, to: 3 },
      ]),
    ).toEqual([{ from: 0, to: 9 }]);
  });
});

describe('planAggregate', () => {
  it('reads a clean, aligned span from roll-ups only', () => {
    expect(planAggregate({ from: T0, to: T0 + 3 * D }, 'day', clean)).toEqual({
      raw: [],
      hourly: [],
      daily: [{ from: T0, to: T0 + 3 * D }],
    });
  });

  it('reads the partial hours at either end raw, whole hours hourly and whole days daily', () => {
    const plan = planAggregate({ from: T0 - 90 * 60_000, to: T0 + D + 2 * H + 5 }, 'day', clean);
    expect(plan).toEqual({
      raw: [
        { from: T0 - 90 * 60_000, to: T0 - H },
        { from: T0 + D + 2 * H, to: T0 + D + 2 * H + 5 },
      ],
      hourly: [
        { from: T0 - H, to: T0 },
        { from: T0 + D, to: T0 + D + 2 * H },
      ],
      daily: [{ from: T0, to: T0 + D }],
    });
  });

  it('reads dirty hours raw, and the rest of their day hourly', () => {
    const plan = planAggregate({ from: T0, to: T0 + 2 * D }, 'day', {
      dirtyHours: [T0 + D + 5 * H],
      sealedBefore: NEVER,
    });
    expect(plan).toEqual({
      raw: [{ from: T0 + D + 5 * H, to: T0 + D + 6 * H }],
      hourly: [
        { from: T0 + D, to: T0 + D + 5 * H },
        { from: T0 + D + 6 * H, to: T0 + 2 * D },
      ],
      daily: [{ from: T0, to: T0 + D }],
    });
  });

  it('reads a dirty sealed hour from its roll-up and raw late writes both', () => {
    const plan = planAggregate({ from: T0, to: T0 + 3 * H }, 'hour', {
      dirtyHours: [T0 + H],
      sealedBefore: T0 + D,
    });
    expect(plan).toEqual({
      raw: [{ from: T0 + H, to: T0 + 2 * H }],
      hourly: [{ from: T0, to: T0 + 3 * H }],
      daily: [],
    });
  });

  it('reads everything from rawFrom on raw, but never what is sealed', () => {
    const fresh = planAggregate({ from: T0, to: T0 + D }, 'hour', { ...clean, rawFrom: T0 + 20 * H + 7 });
    expect(fresh.raw).toEqual([{ from: T0 + 20 * H, to: T0 + D }]);
    const sealed = planAggregate({ from: T0, to: T0 + D }, 'hour', {
      ...clean,
      sealedBefore: T0 + D,
      rawFrom: T0,
    });
    expect(sealed).toEqual({ raw: [], hourly: [{ from: T0, to: T0 + D }], daily: [] });
  });

  it('covers the span exactly once, sealed dirty hours aside', () => {
    const hourArb = fc.integer({ min: -60, max: 100 }).map((h) => T0 + h * H);
    const bound = fc.integer({ min: -60 * H, max: 100 * H }).map((ms) => T0 + ms);
    fc.assert(
      fc.property(
        bound,
        bound,
        fc.uniqueArray(hourArb, { maxLength: 12 }),
        fc.constantFrom('hour' as const, 'day' as const),
        fc.option(hourArb, { nil: undefined }),
        (a, b, dirty, resolution, rawFrom) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const state = { dirtyHours: [...dirty].sort((x, y) => x - y), sealedBefore: NEVER, rawFrom };
          const plan = planAggregate({ from, to }, resolution, state);
          expect(coverage(plan)).toEqual(to > from ? [{ from, to }] : []);
          expect(totalLength(plan)).toBe(Math.max(0, to - from));
          for (const span of [...plan.hourly, ...plan.daily]) {
            expect(dirty.some((hour) => hour >= span.from && hour < span.to)).toBe(false);
          }
        },
      ),
    );
  });
});

function coverage(plan: AggregatePlan): Span[] {
  return union([...plan.raw, ...plan.hourly, ...plan.daily]);
}

function totalLength(plan: AggregatePlan): number {
  return [...plan.raw, ...plan.hourly, ...plan.daily].reduce((n, s) => n + s.to - s.from, 0);
}
