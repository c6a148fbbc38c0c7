import type { HealthReport } from '@ssc-monitor/core';
import { RelativeTime } from '../../../components/ui/relative-time';
import { formatCount } from '../../../lib/format';

/** A yes/no fact shown in words and a symbol, not by colour alone. */
function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <span className={ok ? 'check check--ok' : 'check check--bad'}>
      <span aria-hidden="true">{ok ? '●' : '▲'}</span> {ok ? yes : no}
    </span>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="stat" data-testid={testId} data-value={value}>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}

export function HealthSummary({
  report,
  malformedEvents,
}: {
  report: HealthReport;
  malformedEvents: number;
}) {
  const { broker, store, ingest } = report;
  return (
    <div className="health" data-testid="health-summary" data-health-status={report.status}>
      <dl className="health__facts">
        <div>
          <dt>Platform</dt>
          <dd>
            <Check ok={report.status === 'ok'} yes="OK" no="Degraded" /> · up since{' '}
            <RelativeTime at={report.startedAt} />
          </dd>
        </div>
        <div>
          <dt>MQTT broker</dt>
          <dd>
            <Check ok={broker.connected} yes="Connected" no="Disconnected" /> · {broker.mode}{' '}
            <code>{broker.url}</code>
          </dd>
        </div>
        <div>
          <dt>Store</dt>
          <dd>
            <Check ok={store.ok} yes="Writing" no="Failing" /> · {store.kind}
            {store.lastError !== null && <span className="warn-text"> · last error: {store.lastError}</span>}
          </dd>
        </div>
        {malformedEvents > 0 && (
          <div>
            <dt>Live stream</dt>
            <dd className="warn-text">
              {malformedEvents} events this dashboard could not read; are the platform and dashboard the same
              version?
            </dd>
          </div>
        )}
      </dl>
      <dl className="health__stats">
        <Stat label="Messages" value={ingest.messages} testId="ingest-messages" />
        <Stat label="Readings" value={ingest.readings} testId="ingest-readings" />
        <Stat label="Stored" value={ingest.stored} testId="ingest-stored" />
        <Stat label="Pending" value={ingest.pending} testId="ingest-pending" />
        <Stat label="Rejected" value={ingest.rejected} testId="ingest-rejected" />
      </dl>
    </div>
  );
}
