import { TIME } from '../../../config/app-config';

export interface SeriesRange {
  readonly id: string;
  readonly label: string;
  readonly ms: number;
  /** Spacing of points, as the series endpoint's `every` parameter and in ms. */
  readonly every: string;
  readonly everyMs: number;
}

/** Ranges a planner can pick on the KPI page; the id is what the URL carries (`?range=7d`). */
export const DETAIL_RANGES: readonly SeriesRange[] = [
  { id: '24h', label: '24 h', ms: TIME.DAY, every: '15m', everyMs: 15 * TIME.MINUTE },
  { id: '7d', label: '7 d', ms: 7 * TIME.DAY, every: '1h', everyMs: TIME.HOUR },
  { id: '30d', label: '30 d', ms: 30 * TIME.DAY, every: '1h', everyMs: TIME.HOUR },
];

export const DEFAULT_RANGE_ID = '7d';

/** The range named in the URL, or the default when it names none we know. */
export function findRange(id: string | null): SeriesRange {
  const found =
    DETAIL_RANGES.find((r) => r.id === id) ?? DETAIL_RANGES.find((r) => r.id === DEFAULT_RANGE_ID);
  if (found === undefined) throw new Error(`DEFAULT_RANGE_ID '${DEFAULT_RANGE_ID}' is not in DETAIL_RANGES`);
  return found;
}
