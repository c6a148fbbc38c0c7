import { STALE_AFTER_MS } from '../../../config/app-config';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';

/**
 * "updated 12 s ago", ticking; flagged as stale when the newest reading is old, because a KPI that has
 * stopped moving looks exactly like one that is fine.
 */
export function KpiFreshness({ at }: { at: number | null }) {
  const now = useNow();
  if (at === null) {
    return (
      <p className="freshness freshness--stale" data-testid="kpi-freshness" data-stale="true">
        No readings in the window
      </p>
    );
  }
  const stale = now - at > STALE_AFTER_MS;
  return (
    <p
      className={`freshness${stale ? ' freshness--stale' : ''}`}
      data-testid="kpi-freshness"
      data-stale={stale ? 'true' : 'false'}
      title={`Newest reading ${formatDateTime(at)}`}
    >
      {stale && <span className="freshness__flag">Stale · </span>}updated {formatRelativeTime(at, now)}
    </p>
  );
}
