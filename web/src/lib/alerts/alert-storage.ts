import { isArrayOf, isNullableNumber, isNumber, isRecord, isString } from '../guards';
import { ALERT_KINDS, type Alert } from './alert-types';

/** Versioned, so that a future shape is never read as this one. */
export const ALERT_STORAGE_KEY = 'ssc-monitor.alerts.v1';

function isAlert(value: unknown): value is Alert {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.key) &&
    ALERT_KINDS.includes(value.kind as Alert['kind']) &&
    isString(value.subject) &&
    isNumber(value.raisedAt) &&
    isNullableNumber(value.resolvedAt) &&
    isNullableNumber(value.acknowledgedAt) &&
    isString(value.what) &&
    isString(value.where) &&
    isString(value.href)
  );
}

/**
 * Alerts and their acknowledgements as a wall screen left them, so a reload (or a power cut) does not
 * bring back what the operators already acknowledged. Anything unreadable counts as nothing stored.
 */
export function loadAlerts(storage: Pick<Storage, 'getItem'> | null): Alert[] {
  try {
    const text = storage?.getItem(ALERT_STORAGE_KEY) ?? null;
    if (text === null) return [];
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) && isArrayOf(parsed.alerts, isAlert) ? parsed.alerts : [];
  } catch {
    return [];
  }
}

/** Best effort: storage may be full or disabled (private windows); alerts then last as long as the page. */
export function saveAlerts(storage: Pick<Storage, 'setItem'> | null, alerts: readonly Alert[]): void {
  try {
    storage?.setItem(ALERT_STORAGE_KEY, JSON.stringify({ alerts }));
  } catch {
    // Nothing to do: the alerts stay in memory.
  }
}
