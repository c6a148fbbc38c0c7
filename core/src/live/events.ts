import type { KpiSnapshot } from '../kpi/snapshot.js';
import type { DeadLetter } from '../ports/dead-letter-log.js';
import type { SensorState } from '../sensors/sensor-state.js';

/** Events of the live stream (`GET /api/stream`, Server-Sent Events; `type` is the SSE event name). */
export type LiveEvent =
  | { readonly type: 'kpi'; readonly data: KpiSnapshot }
  | { readonly type: 'sensor'; readonly data: SensorState }
  | { readonly type: 'dead-letter'; readonly data: DeadLetter };

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
