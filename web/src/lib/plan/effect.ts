import type { Direction } from '@ssc-monitor/core';
import { formatValue } from '../format';

/** Calendar dates, YYYY-MM-DD, both inclusive. */
export interface DatePeriod {
  readonly from: string;
  readonly to: string;
}

export interface EffectPeriods {
  /** The 12 months before the initiative started. */
  readonly before: DatePeriod;
  /** From the start to today (or to the end, once the initiative is over); null before it starts. */
  readonly after: DatePeriod | null;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** `date` shifted by whole months, the day clamped to the target month (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const first = Date.UTC(y, m - 1 + months, 1);
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return isoDate(first + (Math.min(d, lastDay) - 1) * DAY);
}

export function effectPeriods(start: string, end: string, today: string): EffectPeriods {
  const before = { from: addMonths(start, -12), to: isoDate(Date.parse(`${start}T00:00:00Z`) - DAY) };
  if (today < start) return { before, after: null };
  return { before, after: { from: start, to: end < today ? end : today } };
}

export type EffectTone = 'better' | 'worse' | 'unchanged' | 'unknown';

export interface Effect {
  readonly before: number | null;
  readonly after: number | null;
  /** after − before, in the KPI's unit. */
  readonly change: number | null;
  /** change / |before|; null when before is zero or missing. */
  readonly relative: number | null;
  readonly tone: EffectTone;
  /** One sentence that says the same as the colour, so colour is never the only cue. */
  readonly text: string;
}

/** Changes within ±1 % of the earlier value are read as no change: noise, not an effect. */
export const UNCHANGED_WITHIN = 0.01;

function percent(relative: number): string {
  return `${Math.round(Math.abs(relative) * 100)} %`;
}

/**
 * The before/after effect of an initiative on a KPI: how the KPI measured over the 12 months before its
 * start compares with the KPI since, read in the KPI's direction (lower PM2.5 is better, more cycling is).
 * It is a comparison, not an attribution: weather and other initiatives move KPIs too.
 */
export function computeEffect(
  before: number | null,
  after: number | null,
  direction: Direction,
  unit: string,
): Effect {
  if (before === null || after === null) {
    const missing = before === null ? 'the 12 months before the start' : 'the period since the start';
    return { before, after, change: null, relative: null, tone: 'unknown', text: `No data for ${missing}.` };
  }
  const change = after - before;
  const relative = before === 0 ? null : change / Math.abs(before);
  const span = `${formatValue(before, unit)} → ${formatValue(after, unit)}`;
  const small = relative === null ? change === 0 : Math.abs(relative) < UNCHANGED_WITHIN;
  if (small)
    return { before, after, change, relative, tone: 'unchanged', text: `No clear change (${span}).` };
  const improved = direction === 'lower_is_better' ? change < 0 : change > 0;
  const verb = change < 0 ? 'Fell' : 'Rose';
  const by = relative === null ? '' : ` ${percent(relative)}`;
  const judgement = improved ? 'better' : 'worse';
  return {
    before,
    after,
    change,
    relative,
    tone: judgement,
    text: `${verb}${by} (${span}): ${judgement}.`,
  };
}

export interface EffectRequest {
  readonly key: string;
  readonly kpiId: string;
  readonly period: DatePeriod;
}

export const effectKey = (initiativeId: string, kpiId: string, side: 'before' | 'after'): string =>
  `${initiativeId}|${kpiId}|${side}`;

/** The measurements the before/after effects need: two per initiative and linked KPI (one before it starts). */
export function effectRequests(
  initiatives: readonly { id: string; start: string; end: string; kpis: readonly string[] }[],
  today: string,
): EffectRequest[] {
  return initiatives.flatMap((initiative) => {
    const periods = effectPeriods(initiative.start, initiative.end, today);
    return initiative.kpis.flatMap((kpiId) => {
      const before = { key: effectKey(initiative.id, kpiId, 'before'), kpiId, period: periods.before };
      return periods.after === null
        ? [before]
        : [before, { key: effectKey(initiative.id, kpiId, 'after'), kpiId, period: periods.after }];
    });
  });
}
