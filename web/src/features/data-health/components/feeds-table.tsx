import { RelativeTime } from '../../../components/ui/relative-time';
import { formatCount, formatDateTime } from '../../../lib/format';
import type { FeedRow } from '../api/data-health-api';
import { lastStored } from '../utils/feeds-csv';

const STATE_TEXT: Record<FeedRow['state'], { icon: string; text: string; className: string }> = {
  ok: { icon: '●', text: 'OK', className: 'check check--ok' },
  failing: { icon: '▲', text: 'Failing', className: 'check check--bad' },
  never_run: { icon: '○', text: 'Not run yet', className: 'check muted' },
};

function FeedState({ state }: { state: FeedRow['state'] }) {
  const shown = STATE_TEXT[state];
  return (
    <span className={shown.className}>
      <span aria-hidden="true">{shown.icon}</span> {shown.text}
    </span>
  );
}

function FeedRowView({ feed }: { feed: FeedRow }) {
  const stored = lastStored(feed);
  const run = feed.history[0];
  return (
    <tr data-testid="feed-row" data-feed-id={feed.id} data-feed-state={feed.state}>
      <th scope="row">
        <code>{feed.id}</code>
        <div className="muted small">
          {/\s/.test(feed.schedule) ? `cron ${feed.schedule} (UTC)` : `every ${feed.schedule}`}
        </div>
      </th>
      <td>
        <FeedState state={feed.state} />
      </td>
      <td className="nowrap">
        <RelativeTime at={feed.lastRunAt} />
      </td>
      <td className="num" data-testid="feed-stored">
        {stored === null ? '—' : formatCount(stored)}
        {run?.ok === true && <div className="muted small">of {formatCount(run.rowsRead)} rows read</div>}
      </td>
      <td>
        {feed.lastError === null ? (
          <span className="muted">none</span>
        ) : (
          <>
            <code className="code-tag">{feed.lastError.code}</code> {feed.lastError.message}
            <div className="muted small">{formatDateTime(feed.lastError.at)}</div>
          </>
        )}
      </td>
      <td className="nowrap">
        {feed.nextRunAt === null ? (
          <span className="muted">not scheduled</span>
        ) : (
          formatDateTime(feed.nextRunAt)
        )}
      </td>
    </tr>
  );
}

/** Every open-data feed of the plan: is it pulling, what did it store, what went wrong, when next. */
export function FeedsTable({ feeds }: { feeds: readonly FeedRow[] }) {
  if (feeds.length === 0) {
    return (
      <p className="async-state" data-testid="feeds-empty">
        The plan declares no open-data feeds; readings come from sensors only.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table" data-testid="feeds-table">
        <caption className="visually-hidden">Open-data feeds and their latest pulls</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">State</th>
            <th scope="col">Last run</th>
            <th scope="col">Readings stored (last run)</th>
            <th scope="col">Last error</th>
            <th scope="col">Next run</th>
          </tr>
        </thead>
        <tbody>
          {feeds.map((feed) => (
            <FeedRowView key={feed.id} feed={feed} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
