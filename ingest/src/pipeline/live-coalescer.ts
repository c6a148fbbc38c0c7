import type { KpiEngine, LiveBus } from '@ssc-monitor/core';
import { KeyedThrottle } from './keyed-throttle.js';
import type { SensorRegistry } from './sensor-registry.js';

/**
 * Least time between two live events of the same KPI or sensor, ms. Bounds what a reader receives to
 * (KPIs + sensors) × 1000 / interval events a second; at 1,000 sensors the web client, which applies
 * events once per animation frame, stays smooth.
 */
export const DEFAULT_LIVE_INTERVAL_MS = 100;

/**
 * Turns "this KPI / sensor changed" into live events: a change is published at once unless the same
 * KPI or sensor was published within the interval, in which case the changes that follow are published
 * as one snapshot when the interval ends. A burst of thousands of readings costs one event per KPI and
 * sensor per interval, while a quiet sensor's reading reaches the dashboard without waiting for a tick.
 */
export class LiveCoalescer {
  readonly #kpis: KeyedThrottle;
  readonly #sensors: KeyedThrottle;

  constructor(
    private readonly bus: LiveBus,
    private readonly engine: Pick<KpiEngine, 'snapshot'>,
    private readonly sensors: Pick<SensorRegistry, 'get'>,
    intervalMs = DEFAULT_LIVE_INTERVAL_MS,
  ) {
    this.#kpis = new KeyedThrottle((id) => this.#publishKpi(id), intervalMs);
    this.#sensors = new KeyedThrottle((id) => this.#publishSensor(id), intervalMs);
  }

  /** Nothing to start: timers run only while a trailing send is waiting. Kept for symmetry with stop(). */
  start(): void {}

  markKpis(ids: Iterable<string>): void {
    for (const id of ids) this.#kpis.mark(id);
  }

  markSensor(id: string): void {
    this.#sensors.mark(id);
  }

  /** Publishes every waiting change now. */
  flush(): void {
    this.#kpis.flush();
    this.#sensors.flush();
  }

  stop(): void {
    this.flush();
  }

  #publishKpi(id: string): void {
    const snapshot = this.engine.snapshot(id);
    if (snapshot) this.bus.publish({ type: 'kpi', data: snapshot });
  }

  #publishSensor(id: string): void {
    const sensor = this.sensors.get(id);
    if (sensor) this.bus.publish({ type: 'sensor', data: sensor });
  }
}
