import type { AggregateQuery, ReadingFilter } from '@ssc-monitor/core';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Lower bound of every time the stores can hold; "nothing sealed yet". */
export const NEVER = -Number.MAX_SAFE_INTEGER;

/**
 * Plans cover the range of a JS Date, ±1e8 days: whole days, and far enough from 2^53 that
 * rounding to hours and days stays exact.
 */
const TIME_LIMIT_MS = 8.64e15;

/** A query bound as the whole ms that `ts >= bound` compares with, clamped to the planned range. */
export function wholeMs(ms: number): number {
  return Math.min(Math.max(Math.ceil(ms), -TIME_LIMIT_MS), TIME_LIMIT_MS);
}

/** Most spans one plan stitches together; see `isFragmented`. */
export const MAX_PLAN_SPANS = 64;

/** Where an aggregate reads from: raw readings only, or hourly or daily roll-ups where they fit. */
export type Resolution = 'raw' | 'hour' | 'day';

/** Half-open span of epoch ms: `from` inclusive, `to` exclusive. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * The finest resolution that fits: a bucket of a whole number of days is a sum of daily
 * roll-ups, of whole hours a sum of hourly ones. Counts above a threshold need every value, so
 * threshold queries read raw readings, and so cover the raw retention only.
 */
export function resolutionOf(query: AggregateQuery): Resolution {
  if (query.threshold !== undefined) return 'raw';
  if (query.every % DAY_MS === 0) return 'day';
  if (query.every % HOUR_MS === 0) return 'hour';
  return 'raw';
}

/** Start of the `width`-aligned bucket holding `ms`; exact for every safe integer, negative included. */
export function floorTo(ms: number, width: number): number {
  return ms - (((ms % width) + width) % width);
}

export function ceilTo(ms: number, width: number): number {
  const floor = floorTo(ms, width);
  return floor === ms ? ms : floor + width;
}

/** Merges sorted bucket starts of `width` into spans of consecutive buckets. */
export function spansOf(starts: readonly number[], width: number): Span[] {
  const spans: Span[] = [];
  let current: { from: number; to: number } | undefined;
  for (const start of starts) {
    if (current !== undefined && start <= current.to) {
      current.to = Math.max(current.to, start + width);
      continue;
    }
    current = { from: start, to: start + width };
    spans.push(current);
  }
  return spans;
}

/** `spans` minus `holes`; both sorted and non-overlapping. */
export function subtract(spans: readonly Span[], holes: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let from = span.from;
    for (const hole of holes) {
      if (hole.to <= from || hole.from >= span.to) continue;
      if (hole.from > from) out.push({ from, to: hole.from });
      from = Math.max(from, hole.to);
    }
    if (from < span.to) out.push({ from, to: span.to });
  }
  return out;
}

/** Splits spans at `at`: the parts before it, and from it. */
export function splitAt(spans: readonly Span[], at: number): [Span[], Span[]] {
  const before: Span[] = [];
  const after: Span[] = [];
  for (const { from, to } of spans) {
    if (from < at) before.push({ from, to: Math.min(to, at) });
    if (to > at) after.push({ from: Math.max(from, at), to });
  }
  return [before, after];
}

/** Sorted, with touching or overlapping spans joined. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.from < s.to).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else out.push({ ...span });
  }
  return out;
}

/** What a store knows about its roll-ups of one quantity when it plans a query. */
export interface RollupState {
  /** Hour starts whose roll-ups lag behind raw readings (written since the last maintenance), ascending. */
  readonly dirtyHours: readonly number[];
  /** Hours before this hold roll-ups only: their raw readings were deleted by the retention. */
  readonly sealedBefore: number;
  /** Hours from this one on are always read raw, e.g. because another process may be writing them. */
  readonly rawFrom?: number;
}

/** The spans to read from each source; together they cover the query's span exactly once. */
export interface AggregatePlan {
  readonly raw: readonly Span[];
  readonly hourly: readonly Span[];
  readonly daily: readonly Span[];
}

/**
 * True when a plan is in too many pieces (maintenance is far behind, e.g. right after a
 * backfill). If raw readings still cover the query (`rawComplete`), it is then cheaper to read
 * them all; otherwise maintenance must run first.
 */
export const isFragmented = (plan: AggregatePlan): boolean =>
  plan.raw.length + plan.hourly.length + plan.daily.length > MAX_PLAN_SPANS;

/** True when no raw reading the query asks for was deleted by the retention. */
export const rawComplete = (filter: Pick<ReadingFilter, 'from'>, sealedBefore: number): boolean =>
  wholeMs(filter.from) >= sealedBefore;

/**
 * Splits a query's span between sources. Parts of an hour at either end, dirty hours and the
 * `rawFrom` tail come from raw readings; whole clean days from daily roll-ups (resolution 'day');
 * the other whole hours from hourly roll-ups. A dirty hour before `sealedBefore` has lost its raw
 * readings, so only late writes are raw there: it is read from both its roll-up and raw readings.
 */
export function planAggregate(
  filter: Pick<ReadingFilter, 'from' | 'to'>,
  resolution: 'hour' | 'day',
  state: RollupState,
): AggregatePlan {
  // Stored times are whole ms, so these bounds select exactly what `ts >= from AND ts < to` does.
  const from = wholeMs(filter.from);
  const to = wholeMs(filter.to);
  const hourFrom = ceilTo(from, HOUR_MS);
  const hourTo = floorTo(to, HOUR_MS);
  if (from >= to) return { raw: [], hourly: [], daily: [] };
  if (hourFrom >= hourTo) return { raw: [{ from, to }], hourly: [], daily: [] };
  const rawFrom = state.rawFrom === undefined ? hourTo : floorTo(state.rawFrom, HOUR_MS);
  const rollupTo = Math.min(hourTo, Math.max(hourFrom, rawFrom, state.sealedBefore));
  const dirty = state.dirtyHours.filter((hour) => hour >= hourFrom && hour < rollupTo);
  const unsealed = spansOf(
    dirty.filter((hour) => hour >= state.sealedBefore),
    HOUR_MS,
  );
  let daily: Span[] = [];
  if (resolution === 'day') {
    const whole = { from: ceilTo(hourFrom, DAY_MS), to: floorTo(rollupTo, DAY_MS) };
    const dirtyDays = spansOf([...new Set(dirty.map((hour) => floorTo(hour, DAY_MS)))], DAY_MS);
    daily = whole.from < whole.to ? subtract([whole], dirtyDays) : [];
  }
  const hourly = subtract(subtract([{ from: hourFrom, to: rollupTo }], daily), unsealed);
  const raw = union([{ from, to: hourFrom }, { from: rollupTo, to }, ...spansOf(dirty, HOUR_MS)]);
  return { raw, hourly, daily };
}
