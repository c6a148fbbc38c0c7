import type { LiveEvent } from '@ssc-monitor/core';
import type { AccessPolicy } from '../auth/access-policy.js';
import type { Role } from '../auth/roles.js';

export type LiveEventType = LiveEvent['type'];

/**
 * The REST route that serves the same data as each live event type: a stream reader gets an event only
 * if the access policy lets them read that route, so the stream never shows more than REST would.
 */
export const LIVE_EVENT_ROUTES: Readonly<Record<LiveEventType, string>> = Object.freeze({
  kpi: '/api/kpis',
  sensor: '/api/sensors',
  // Dead letters carry the rejected payloads.
  'dead-letter': '/api/dead-letters',
  // Spool alerts are the operational state the metrics expose (spool bytes, readings dropped).
  alert: '/metrics',
});

/** The event types a reader of `role` (null: not signed in) may receive. */
export function readableLiveEvents(
  policy: AccessPolicy,
  role: Role | null,
  publicDashboard: boolean,
): ReadonlySet<LiveEventType> {
  const types = Object.keys(LIVE_EVENT_ROUTES) as LiveEventType[];
  return new Set(
    types.filter((type) => policy.allows('GET', LIVE_EVENT_ROUTES[type], role, publicDashboard)),
  );
}
