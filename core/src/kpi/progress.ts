import type { Direction } from './definition.js';
import type { Baseline, KpiStatus, Target } from './snapshot.js';

const DAY = 86_400_000;

/** End of a calendar date (UTC): a target dated 2030-12-31 holds through that day. */
export function endOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) + DAY;
}

/** The first target still ahead at `now`; the last target once all dates have passed. */
export function nextTarget(targets: readonly Target[], now: number): Target | null {
  const sorted = [...targets].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.find((t) => endOfDate(t.date) > now) ?? sorted.at(-1) ?? null;
}

/**
 * The trajectory from the baseline (at the end of its period) to the target (at its date): a straight
 * line, or a constant yearly rate (compound), which front-loads nothing and suits relative goals such
 * as "−5 % a year". Compound falls back to linear where a rate cannot exist (zero or a sign change).
 */
export function expectedValue(
  baseline: Baseline,
  target: Target,
  now: number,
  trajectory: 'linear' | 'compound' = 'linear',
): number {
  const start = endOfDate(baseline.period.to);
  const end = endOfDate(target.date);
  const elapsed = Math.min(1, Math.max(0, (now - start) / (end - start)));
  if (trajectory === 'compound' && baseline.value !== 0 && target.value / baseline.value > 0)
    return baseline.value * (target.value / baseline.value) ** elapsed;
  return baseline.value + (target.value - baseline.value) * elapsed;
}

/** (current − baseline) / (target − baseline): 0 at the baseline, 1 when the target is reached. */
export function progressToward(baseline: number, target: number, current: number): number | null {
  return target === baseline ? null : (current - baseline) / (target - baseline);
}

export interface StatusInput {
  readonly baseline: number;
  readonly target: number;
  readonly expected: number;
  readonly current: number;
  readonly tolerance: number;
  readonly direction: Direction;
}

/**
 * Status from how far the current value lags the expected one, measured in units of the
 * baseline→target distance: no lag is on track, a lag up to `tolerance` is at risk, more is off track.
 */
export function statusOf({
  baseline,
  target,
  expected,
  current,
  tolerance,
  direction,
}: StatusInput): KpiStatus {
  const distance = target - baseline;
  if (distance === 0) {
    // A target equal to the baseline means "hold the line".
    const holds = direction === 'lower_is_better' ? current <= target : current >= target;
    return holds ? 'on_track' : 'off_track';
  }
  const lag = (expected - current) / distance;
  if (lag <= 0) return 'on_track';
  return lag <= tolerance ? 'at_risk' : 'off_track';
}
