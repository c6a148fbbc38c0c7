/** What an alert is about; each kind has its own icon and label, so none is told apart by colour alone. */
export type AlertKind = 'kpi_off_track' | 'sensor_silent' | 'dead_letter_burst';

export const ALERT_KINDS: readonly AlertKind[] = ['kpi_off_track', 'sensor_silent', 'dead_letter_burst'];

/**
 * One occurrence of a condition, from when it was raised until it is acknowledged. It stays listed after
 * the condition clears ("resolved"), because an operator who was away must still see that it happened.
 */
export interface Alert {
  /** `<key>@<raisedAt>`: a condition that clears and returns is a new alert, to be acknowledged anew. */
  readonly id: string;
  /** The condition: kind and subject, e.g. `sensor_silent:aq-centre-1`. */
  readonly key: string;
  readonly kind: AlertKind;
  /** KPI id, sensor id, or empty for city-wide conditions. */
  readonly subject: string;
  /** Epoch ms. */
  readonly raisedAt: number;
  readonly resolvedAt: number | null;
  readonly acknowledgedAt: number | null;
  /** One sentence: what happened. */
  readonly what: string;
  /** Where: districts, sensors, or the whole city. */
  readonly where: string;
  /** Where to look next, as a hash link. */
  readonly href: string;
}

/** A condition that holds now (or held, for bursts that have ended), before it becomes an alert. */
export interface AlertCondition {
  readonly key: string;
  readonly kind: AlertKind;
  readonly subject: string;
  /** When the condition started, if known; otherwise it starts when first seen. */
  readonly since: number | null;
  /** Set for conditions known to have ended (a burst that is over). */
  readonly resolvedAt: number | null;
  readonly what: string;
  readonly where: string;
  readonly href: string;
}
