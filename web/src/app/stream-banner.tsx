import { formatClock } from '../lib/format';
import { useLiveStatus } from '../lib/live-context';

/**
 * A full-width notice while the live stream is down after having worked. The header's indicator alone
 * is easy to miss from across an operations room, and the tiles would go on showing their last values
 * as if they were current.
 */
export function StreamBanner() {
  const { connection, lastEventAt } = useLiveStatus();
  if (connection !== 'reconnecting' || lastEventAt === null) return null;
  return (
    <p className="stream-banner" role="alert" data-testid="stream-banner">
      Live updates interrupted — reconnecting. Values below are as of {formatClock(lastEventAt)}.
    </p>
  );
}
