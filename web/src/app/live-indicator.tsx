import { formatClock } from '../lib/format';
import { useLiveStatus } from '../lib/live-context';
import type { LiveConnection } from '../lib/live-stream';

const TEXT: Readonly<Record<LiveConnection, { label: string; hint: string }>> = {
  live: { label: 'Live', hint: 'Receiving live updates from the platform' },
  connecting: { label: 'Connecting…', hint: 'Opening the live stream' },
  reconnecting: {
    label: 'Reconnecting…',
    hint: 'The live stream dropped; values shown may be out of date until it is back',
  },
};

/** Connection state in words and shape (solid dot when live, hollow ring otherwise), plus the last update. */
export function LiveIndicator() {
  const { connection, lastEventAt } = useLiveStatus();
  const { label, hint } = TEXT[connection];
  return (
    <div className="live">
      <p
        className={`live__state live__state--${connection}`}
        role="status"
        title={hint}
        data-testid="live-indicator"
        data-state={connection}
      >
        <span className="live__dot" aria-hidden="true" />
        {label}
      </p>
      <p className="live__last" data-testid="last-update" data-at={lastEventAt ?? ''}>
        Last update <strong>{lastEventAt === null ? '—' : formatClock(lastEventAt)}</strong>
      </p>
    </div>
  );
}
