import { MIN_BACKFILL_STEP_MS } from '../simulation.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How simulated time relates to the wall clock. */
export type TimePlan =
  /** Now, at the wall clock's pace, after an optional backfill of the past `backfillMs`. */
  | { readonly kind: 'realtime'; readonly stepMs: number; readonly backfillMs: number }
  /** Simulated time runs `speed` times faster from `from`, until `to` or forever. */
  | {
      readonly kind: 'accelerated';
      readonly speed: number;
      readonly from: number;
      readonly to: number | undefined;
      readonly stepMs: number;
    }
  /** A past period, as fast as the broker takes it. */
  | { readonly kind: 'backfill'; readonly from: number; readonly to: number; readonly stepMs: number };

export interface TimeOptions {
  /** Simulated time per wall time; absent for real time or backfill. */
  readonly speed?: number;
  readonly from?: number;
  readonly to?: number;
  readonly durationMs?: number;
  /** Simulated time between two readings of a sensor; a mode-dependent default when absent. */
  readonly stepMs?: number;
  /** Real-time interval. */
  readonly intervalMs: number;
  /** Real-time mode's backfill. */
  readonly backfillMs: number;
}

/** Steps a fast mode may pick, shortest first: round times, so readings land on round hours. */
const STEP_LADDER = [
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  6 * HOUR,
  DAY,
];
/** Accelerated mode publishes about this often in wall time: often enough to look live, rarely enough to be cheap. */
const ACCELERATED_CADENCE_MS = 250;

/** Hourly readings at 10,000×, 10-second readings at 10×: one batch per sensor every ~¼ s of wall time. */
export function acceleratedStep(speed: number): number {
  const wanted = speed * ACCELERATED_CADENCE_MS;
  return STEP_LADDER.find((step) => step >= wanted) ?? DAY;
}

/** Hourly readings for periods over two days (a year is 8,760 batches), 5-minute ones below. */
export function backfillStep(spanMs: number): number {
  return spanMs > 2 * DAY ? HOUR : MIN_BACKFILL_STEP_MS;
}

function period(o: TimeOptions, now: number, openEnded: boolean): { from: number; to: number | undefined } {
  const d = o.durationMs;
  if (d !== undefined) {
    if (o.from !== undefined) return { from: o.from, to: o.from + d };
    const to = o.to ?? now;
    return { from: to - d, to };
  }
  return { from: o.from ?? now, to: o.to ?? (openEnded ? undefined : now) };
}

/**
 * Works out the time mode from the options: a speed means accelerated; a period without a speed
 * means backfill (ending now unless `to` is given); neither means real time.
 */
export function planTime(o: TimeOptions, now: number): TimePlan | { readonly problem: string } {
  const hasPeriod = o.from !== undefined || o.to !== undefined || o.durationMs !== undefined;
  if (o.speed !== undefined) {
    const { from, to } = period(o, now, true);
    if (to !== undefined && to <= from) return { problem: 'the period ends before it starts' };
    return { kind: 'accelerated', speed: o.speed, from, to, stepMs: o.stepMs ?? acceleratedStep(o.speed) };
  }
  if (hasPeriod) {
    if (o.from === undefined && o.durationMs === undefined)
      return { problem: 'a backfill needs --from or --duration' };
    const { from, to = now } = period(o, now, false);
    if (to <= from) return { problem: 'the period ends before it starts' };
    return { kind: 'backfill', from, to, stepMs: o.stepMs ?? backfillStep(to - from) };
  }
  return { kind: 'realtime', stepMs: o.stepMs ?? o.intervalMs, backfillMs: o.backfillMs };
}
