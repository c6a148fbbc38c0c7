import { TIME } from '../../../config/app-config';

export interface SeriesRange {
  readonly id: string;
  readonly label: string;
  /** Length of the range, ms; for `sinceBaseline` ranges the length up to the baseline start is used. */
  readonly ms: number;
  /** Spacing of points, as the series endpoint's `every` parameter and in ms. */
  readonly every: string;
  readonly everyMs: number;
  /** From the start of the plan's baseline period to now, so the baseline and today share one chart. */
  readonly sinceBaseline?: boolean;
}

/** Ranges a planner can pick on the KPI page; the id is what the URL carries (`?range=7d`). */
export const DETAIL_RANGES: readonly SeriesRange[] = [
  { id: '24h', label: '24 h', ms: TIME.DAY, every: '15m', everyMs: 15 * TIME.MINUTE },
  { id: '7d', label: '7 d', ms: 7 * TIME.DAY, every: '1h', everyMs: TIME.HOUR },
  { id: '30d', label: '30 d', ms: 30 * TIME.DAY, every: '1h', everyMs: TIME.HOUR },
  {
    id: 'all',
    label: 'Since baseline',
    ms: 365 * TIME.DAY,
    every: '1d',
    everyMs: TIME.DAY,
    sinceBaseline: true,
  },
];

export const DEFAULT_RANGE_ID = '7d';

/** The range named in the URL, or the default when it names none we know. */
export function findRange(id: string | null): SeriesRange {
  const found =
    DETAIL_RANGES.find((r) => r.id === id) ?? DETAIL_RANGES.find((r) => r.id === DEFAULT_RANGE_ID);
  if (found === undefined) throw new Error(`DEFAULT_RANGE_ID '${DEFAULT_RANGE_ID}' is not in DETAIL_RANGES`);
  return found;
}

/** Start of a plan date (YYYY-MM-DD) in UTC, ms; the axis is coarse enough that the zone does not matter. */
export const planDateMs = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

/**
 * The range's length for a KPI whose baseline starts on `baselineFrom`: whole days from then to `now`
 * for "since baseline" (whole days, so the length, and the request, stay the same all day).
 */
export function rangeLengthMs(range: SeriesRange, baselineFrom: string, now: number): number {
  if (range.sinceBaseline !== true) return range.ms;
  const start = planDateMs(baselineFrom);
  if (Number.isNaN(start) || start >= now) return range.ms;
  return Math.ceil((now - start) / TIME.DAY) * TIME.DAY;
}
