import type { KpiEngine, LiveBus } from '@ssc-monitor/core';
import { KeyedThrottle } from './keyed-throttle.js';
import type { SensorRegistry } from './sensor-registry.js';

/** Least time between two live events of the same KPI, and of the same sensor, ms. */
export interface LiveIntervals {
  readonly kpiMs: number;
  readonly sensorMs: number;
}

/**
 * Sensors every 100 ms, so a reading reaches the dashboard within ~100 ms at any rate; KPIs every
 * 250 ms: a KPI is a window aggregate (hours), a snapshot costs more to build and to draw, and
 * 4 updates a second per tile is more than a wall screen shows. A reader thus receives at most
 * KPIs × 4 + sensors × 10 events a second.
 */
export const DEFAULT_LIVE_INTERVALS: LiveIntervals = { kpiMs: 250, sensorMs: 100 };

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
    intervals: LiveIntervals = DEFAULT_LIVE_INTERVALS,
  ) {
    this.#kpis = new KeyedThrottle((id) => this.#publishKpi(id), intervals.kpiMs);
    this.#sensors = new KeyedThrottle((id) => this.#publishSensor(id), intervals.sensorMs);
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
