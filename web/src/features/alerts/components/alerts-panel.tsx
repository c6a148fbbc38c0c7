import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Panel } from '../../../components/ui/panel';
import { useAlerts } from '../../../lib/alerts/alerts-context';
import { splitAlerts } from '../../../lib/alerts/reconcile';
import { formatCount, formatDuration } from '../../../lib/format';
import { AlertItem } from './alert-item';
import './alerts.css';

/**
 * Focus after acknowledging: the next alert's button, else the list itself, so a keyboard user is
 * never dropped at the top of the page after each acknowledgement.
 */
function useFocusAfterAcknowledge(openIds: readonly string[]) {
  const listRef = useRef<HTMLElement>(null);
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (target === null) return;
    pending.current = null;
    const next = listRef.current?.querySelector<HTMLButtonElement>(
      `[data-alert-id="${CSS.escape(target)}"] button`,
    );
    (next ?? listRef.current)?.focus();
  }, [openIds]);
  const ids = useRef(openIds);
  useEffect(() => {
    ids.current = openIds;
  });
  // Stable, so that the memoised rows are not drawn again each time the list changes.
  const remember = useCallback((id: string) => {
    const index = ids.current.indexOf(id);
    pending.current = ids.current[index + 1] ?? ids.current[index - 1] ?? '';
  }, []);
  return { listRef, remember };
}

/** Alerts for the operations centre: what needs a person now, newest first; acknowledged ones folded away. */
export function AlertsPanel() {
  const { alerts, acknowledge, silentAfterMs, settings } = useAlerts();
  const { open, acknowledged } = useMemo(() => splitAlerts(alerts), [alerts]);
  const openIds = useMemo(() => open.map((a) => a.id), [open]);
  const { listRef, remember } = useFocusAfterAcknowledge(openIds);
  const onAcknowledge = useCallback(
    (id: string) => {
      remember(id);
      acknowledge(new Set([id]));
    },
    [remember, acknowledge],
  );
  const active = open.filter((a) => a.resolvedAt === null).length;
  const summary =
    open.length === 0
      ? 'Nothing to acknowledge'
      : `${formatCount(active)} active · ${formatCount(open.length - active)} resolved`;
  return (
    <Panel
      title="Alerts"
      label="Alerts"
      className="alerts-panel"
      testId="alerts-panel"
      actions={
        <p className="panel__summary" data-testid="alerts-summary" data-open={open.length}>
          {summary}
        </p>
      }
    >
      <section ref={listRef} tabIndex={-1} className="alerts-panel__body" aria-label="Open alerts">
        {open.length === 0 ? (
          <p className="alerts-panel__empty" data-testid="alerts-empty">
            <span aria-hidden="true">✓ </span>No open alerts.
          </p>
        ) : (
          <ol className="alert-list" data-testid="alerts-open">
            {open.map((alert) => (
              <AlertItem key={alert.id} alert={alert} onAcknowledge={onAcknowledge} />
            ))}
          </ol>
        )}
        {open.length > 1 && (
          <button
            type="button"
            className="button button--small"
            onClick={() => acknowledge('all')}
            data-testid="alerts-ack-all"
          >
            Acknowledge all {formatCount(open.length)}
          </button>
        )}
      </section>
      <details className="alerts-panel__acknowledged" data-testid="alerts-acknowledged">
        <summary>Acknowledged ({formatCount(acknowledged.length)})</summary>
        <ol className="alert-list alert-list--acknowledged">
          {acknowledged.map((alert) => (
            <AlertItem key={alert.id} alert={alert} />
          ))}
        </ol>
      </details>
      <p className="alerts-panel__rules muted small">
        Silent after {formatDuration(silentAfterMs)} without a message · burst: {settings.burstCount} rejected
        within {formatDuration(settings.burstWindowMs)}
      </p>
    </Panel>
  );
}
