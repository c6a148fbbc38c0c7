import type { KpiEngine, LiveBus } from '@ssc-monitor/core';
import type { SensorRegistry } from './sensor-registry.js';

/** How often changed KPIs and sensors are pushed to live clients. */
export const DEFAULT_LIVE_INTERVAL_MS = 250;

/**
 * Collects which KPIs and sensors changed and publishes one snapshot of each per tick, so that a
 * burst of thousands of readings costs one event per KPI instead of thousands.
 */
export class LiveCoalescer {
  readonly #dirtyKpis = new Set<string>();
  readonly #dirtySensors = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: LiveBus,
    private readonly engine: KpiEngine,
    private readonly sensors: SensorRegistry,
    private readonly intervalMs = DEFAULT_LIVE_INTERVAL_MS,
  ) {}

  start(): void {
    this.#timer = setInterval(() => this.flush(), this.intervalMs);
    this.#timer.unref();
  }

  markKpis(ids: Iterable<string>): void {
    for (const id of ids) this.#dirtyKpis.add(id);
  }

  markSensor(id: string): void {
    this.#dirtySensors.add(id);
  }

  flush(): void {
    for (const id of this.#dirtyKpis) {
      const snapshot = this.engine.snapshot(id);
      if (snapshot) this.bus.publish({ type: 'kpi', data: snapshot });
    }
    for (const id of this.#dirtySensors) {
      const sensor = this.sensors.get(id);
      if (sensor) this.bus.publish({ type: 'sensor', data: sensor });
    }
    this.#dirtyKpis.clear();
    this.#dirtySensors.clear();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.flush();
  }
}
