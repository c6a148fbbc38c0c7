import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { CsvButton } from '../../../components/ui/csv-button';
import { Panel } from '../../../components/ui/panel';
import { DEAD_LETTER_LIMIT } from '../../../config/app-config';
import { useLiveStatus } from '../../../lib/live-context';
import { useDeadLetters } from '../../../lib/data/dead-letters';
import { useFeeds } from '../hooks/use-feeds';
import { useHealth } from '../hooks/use-health';
import { DeadLettersTable } from './dead-letters-table';
import { HealthSummary } from './health-summary';
import { deadLettersCsv } from '../utils/dead-letters-csv';
import { feedsCsv } from '../utils/feeds-csv';
import { FeedsTable } from './feeds-table';
import './data-health.css';

function HealthPanel() {
  const health = useHealth();
  const { malformed } = useLiveStatus();
  let body;
  if (health.data !== undefined) body = <HealthSummary report={health.data} malformedEvents={malformed} />;
  else if (health.error !== undefined) body = <ErrorState error={health.error} retryAt={health.retryAt} />;
  else body = <LoadingState what="platform health" />;
  return (
    <Panel title="Ingest health" label="Ingest health" testId="health-panel">
      {health.data !== undefined && health.error !== undefined && (
        <p className="warn-text">Showing the last known report: {health.error.message}</p>
      )}
      {body}
    </Panel>
  );
}

function DeadLettersPanel() {
  const deadLetters = useDeadLetters(DEAD_LETTER_LIMIT);
  let body;
  if (deadLetters.data === undefined && deadLetters.error !== undefined) {
    body = (
      <ErrorState error={deadLetters.error} retryAt={deadLetters.retryAt} onRetry={deadLetters.reload} />
    );
  } else if (deadLetters.data === undefined && deadLetters.letters.length === 0) {
    body = <LoadingState what="rejected messages" />;
  } else body = <DeadLettersTable letters={deadLetters.letters} />;
  return (
    <Panel
      title="Rejected messages"
      label="Rejected messages"
      testId="dead-letters-panel"
      actions={
        <div className="panel__actions">
          <p className="panel__summary">Newest {DEAD_LETTER_LIMIT}, updated live</p>
          <CsvButton
            build={() => deadLettersCsv(deadLetters.letters)}
            fileStem="rejected-messages"
            what="the rejected messages"
            exportId="dead-letters"
          />
        </div>
      }
    >
      {body}
    </Panel>
  );
}

function FeedsPanel() {
  const feeds = useFeeds();
  let body;
  if (feeds.data !== undefined) body = <FeedsTable feeds={feeds.data} />;
  else if (feeds.error !== undefined)
    body = <ErrorState error={feeds.error} retryAt={feeds.retryAt} onRetry={feeds.reload} />;
  else body = <LoadingState what="open-data feeds" />;
  return (
    <Panel
      title="Open-data feeds"
      label="Open-data feeds"
      testId="feeds-panel"
      actions={
        <div className="panel__actions">
          <p className="panel__summary">Pulled on their schedules</p>
          <CsvButton
            build={() => feedsCsv(feeds.data ?? [])}
            fileStem="feeds"
            what="the feed status"
            exportId="feeds"
          />
        </div>
      }
    >
      {feeds.data !== undefined && feeds.error !== undefined && (
        <p className="warn-text">Showing the last known status: {feeds.error.message}</p>
      )}
      {body}
    </Panel>
  );
}

/** Is data arriving, and what is being rejected and why. */
export function DataHealthView() {
  return (
    <div className="data-health" data-testid="data-health-view">
      <HealthPanel />
      <FeedsPanel />
      <DeadLettersPanel />
    </div>
  );
}
