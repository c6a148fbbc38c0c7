import type { AlertSettings } from './alert-settings';
import type { Alert, AlertCondition, AlertKind } from './alert-types';

export const alertId = (key: string, raisedAt: number): string => `${key}@${raisedAt}`;

function sameAlert(a: Alert, b: Alert): boolean {
  return (
    a.id === b.id &&
    a.resolvedAt === b.resolvedAt &&
    a.acknowledgedAt === b.acknowledgedAt &&
    a.what === b.what &&
    a.where === b.where &&
    a.href === b.href
  );
}

/** The previous array itself when nothing changed, so React state and storage are left alone. */
function unlessUnchanged(previous: readonly Alert[], next: readonly Alert[]): readonly Alert[] {
  if (previous.length !== next.length) return next;
  return previous.every((alert, i) => {
    const other = next[i];
    return other !== undefined && sameAlert(alert, other);
  })
    ? previous
    : next;
}

/** Drops acknowledged alerts resolved long ago, then the oldest acknowledged ones beyond the limit. */
function retained(alerts: Alert[], now: number, settings: AlertSettings): Alert[] {
  const kept = alerts.filter(
    (a) =>
      a.acknowledgedAt === null || a.resolvedAt === null || now - a.resolvedAt <= settings.keepAcknowledgedMs,
  );
  let excess = kept.length - settings.maxAlerts;
  if (excess <= 0) return kept;
  const dropped = new Set<string>();
  for (const alert of [...kept].sort((a, b) => a.raisedAt - b.raisedAt)) {
    if (excess <= 0) break;
    if (alert.acknowledgedAt !== null) {
      dropped.add(alert.id);
      excess -= 1;
    }
  }
  return kept.filter((a) => !dropped.has(a.id));
}

/**
 * Brings the alert list up to date with the conditions that hold now. A condition continues the open
 * alert of the same key (keeping its id, time and acknowledgement) or raises a new one; an open alert
 * whose condition is gone is resolved, but only if the inputs of its kind were loaded (`ready`), so
 * that a reload never resolves and re-raises everything while data is still on its way.
 * Newest first. Pure: returns `previous` itself when nothing changed, and each unchanged alert as the
 * same object.
 */
export function reconcileAlerts(
  previous: readonly Alert[],
  conditions: readonly AlertCondition[],
  ready: ReadonlySet<AlertKind>,
  now: number,
  settings: AlertSettings,
): readonly Alert[] {
  const matched = new Set<string>();
  const next: Alert[] = [];
  for (const condition of conditions) {
    const raisedAt = condition.since ?? now;
    const existing = previous.find(
      (a) =>
        a.key === condition.key &&
        !matched.has(a.id) &&
        (a.resolvedAt === null || a.id === alertId(condition.key, raisedAt)),
    );
    const { what, where, href, resolvedAt } = condition;
    if (existing === undefined) {
      const id = alertId(condition.key, raisedAt);
      const { key, kind, subject } = condition;
      next.push({ id, key, kind, subject, raisedAt, resolvedAt, acknowledgedAt: null, what, where, href });
    } else {
      matched.add(existing.id);
      const updated = { ...existing, what, where, href, resolvedAt };
      // An unchanged alert keeps its object, so its row on the screen is not drawn again.
      next.push(sameAlert(existing, updated) ? existing : updated);
    }
  }
  for (const alert of previous) {
    if (matched.has(alert.id) || next.some((a) => a.id === alert.id)) continue;
    const resolve = alert.resolvedAt === null && ready.has(alert.kind);
    next.push(resolve ? { ...alert, resolvedAt: now } : alert);
  }
  next.sort((a, b) => b.raisedAt - a.raisedAt || a.id.localeCompare(b.id));
  return unlessUnchanged(previous, retained(next, now, settings));
}

/** Marks alerts acknowledged (by id, or all unacknowledged when `ids` is 'all'). */
export function acknowledgeAlerts(
  alerts: readonly Alert[],
  ids: ReadonlySet<string> | 'all',
  now: number,
): readonly Alert[] {
  let changed = false;
  const next = alerts.map((alert) => {
    if (alert.acknowledgedAt !== null || (ids !== 'all' && !ids.has(alert.id))) return alert;
    changed = true;
    return { ...alert, acknowledgedAt: now };
  });
  return changed ? next : alerts;
}

/** Unacknowledged alerts for the panel, acknowledged ones for its collapsed list; both newest first. */
export function splitAlerts(alerts: readonly Alert[]): { open: Alert[]; acknowledged: Alert[] } {
  return {
    open: alerts.filter((a) => a.acknowledgedAt === null),
    acknowledged: alerts.filter((a) => a.acknowledgedAt !== null),
  };
}
