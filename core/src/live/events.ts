import type { KpiSnapshot } from '../kpi/snapshot.js';
import type { DeadLetter } from '../ports/dead-letter-log.js';
import type { SensorState } from '../sensors/sensor-state.js';

/** An operational condition that starts (`active`) or ends, e.g. the ingest spool full. */
export interface PlatformAlert {
  /** Stable code, e.g. `INGEST_ALERT_SPOOL_FULL`. */
  readonly code: string;
  readonly active: boolean;
  /** A sentence an operator can act on. */
  readonly message: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Events of the live stream (`GET /api/stream`, Server-Sent Events; `type` is the SSE event name). */
export type LiveEvent =
  | { readonly type: 'kpi'; readonly data: KpiSnapshot }
  | { readonly type: 'sensor'; readonly data: SensorState }
  | { readonly type: 'dead-letter'; readonly data: DeadLetter }
  | { readonly type: 'alert'; readonly data: PlatformAlert };

export type LiveListener = (event: LiveEvent) => void;

/** In-process fan-out of live events. Listeners must not throw; a throwing one is removed. */
export class LiveBus {
  readonly #listeners = new Set<LiveListener>();

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        this.#listeners.delete(listener);
      }
    }
  }

  get size(): number {
    return this.#listeners.size;
  }
}
