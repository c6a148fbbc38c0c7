import { memo } from 'react';
import type { Alert } from '../../../lib/alerts/alert-types';
import { RelativeTime } from '../../../components/ui/relative-time';
import { formatClock, formatDateTime } from '../../../lib/format';
import { AlertIcon, KIND_LABELS } from './alert-icon';

export interface AlertItemProps {
  readonly alert: Alert;
  /** Absent for acknowledged alerts. */
  readonly onAcknowledge?: (id: string) => void;
}

/**
 * One alert: when, what, where, whether it still holds, and the button that acknowledges it. Memoised:
 * the rules keep an unchanged alert's object, so a new alert elsewhere leaves this row alone.
 */
export const AlertItem = memo(function AlertItem({ alert, onAcknowledge }: AlertItemProps) {
  const resolved = alert.resolvedAt !== null;
  return (
    <li
      className={`alert alert--${alert.kind}${resolved ? ' alert--resolved' : ''}`}
      data-testid="alert"
      data-alert-id={alert.id}
      data-kind={alert.kind}
      data-subject={alert.subject}
      data-state={resolved ? 'resolved' : 'active'}
      data-acknowledged={alert.acknowledgedAt === null ? 'false' : 'true'}
    >
      <span className="alert__kind">
        <AlertIcon kind={alert.kind} />
        {KIND_LABELS[alert.kind]}
        {resolved && <span className="tag">Resolved</span>}
      </span>
      <p className="alert__time">
        <time dateTime={new Date(alert.raisedAt).toISOString()} title={formatDateTime(alert.raisedAt)}>
          {formatClock(alert.raisedAt)}
        </time>{' '}
        <RelativeTime at={alert.raisedAt} className="muted" />
      </p>
      <p className="alert__what">
        <a href={alert.href}>{alert.what}</a>
      </p>
      <p className="alert__where">
        <span className="muted">Where: </span>
        {alert.where}
      </p>
      {onAcknowledge !== undefined && (
        <button
          type="button"
          className="button button--small alert__ack"
          onClick={() => onAcknowledge(alert.id)}
          aria-label={`Acknowledge: ${alert.what}`}
          data-testid="alert-ack"
        >
          Acknowledge
        </button>
      )}
    </li>
  );
});
