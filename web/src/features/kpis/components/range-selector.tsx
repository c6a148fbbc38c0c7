import { kpiHref } from '../../../lib/hash-route';
import { DETAIL_RANGES, type SeriesRange } from '../utils/ranges';

/** Links rather than buttons: each range is a URL that can be shared or bookmarked. */
export function RangeSelector({ kpiId, current }: { kpiId: string; current: SeriesRange }) {
  return (
    <nav className="segmented" aria-label="Time range" data-testid="range-selector">
      {DETAIL_RANGES.map((range) => (
        <a
          key={range.id}
          href={kpiHref(kpiId, range.id)}
          className="segmented__item"
          aria-current={range.id === current.id ? 'true' : undefined}
          data-range={range.id}
        >
          {range.label}
        </a>
      ))}
    </nav>
  );
}
