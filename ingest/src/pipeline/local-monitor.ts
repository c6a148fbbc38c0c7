import type { DeadLetter, KpiEngine, LiveBus, Reading } from '@ssc-monitor/core';
import type { IngestObserver } from './ingest-observer.js';
import type { LiveCoalescer } from './live-coalescer.js';
import type { SensorRegistry } from './sensor-registry.js';

/** A flood of bad messages must not flood every dashboard: at most this many live events a second. */
const MAX_LIVE_LETTERS_PER_SECOND = 10;

/** Keeps KPI and sensor state and the live stream up to date from validated messages. */
export class LocalMonitor implements IngestObserver {
  #letterSecond = 0;
  #lettersSent = 0;
  /** KPIs changed by the message being handled, marked once all its readings are in; reused. */
  readonly #changed = new Set<string>();
  readonly #collect = (id: string): void => void this.#changed.add(id);

  constructor(
    private readonly engine: KpiEngine,
    private readonly sensors: SensorRegistry,
    private readonly live: LiveCoalescer,
    private readonly bus: LiveBus,
  ) {}

  /**
   * Counted only: the sensor is sent once `accepted` or `rejected` has completed its state. A mark
   * here would send at once (leading edge) the state without the message's readings, and the
   * readings themselves only at the end of the throttle interval.
   */
  message(sensorId: string, receivedAt: number): void {
    this.sensors.recordMessage(sensorId, receivedAt);
  }

  accepted(sensorId: string, readings: readonly Reading[]): void {
    for (const reading of readings) this.sensors.recordReading(reading);
    this.live.markSensor(sensorId);
    this.engine.apply(readings, this.#collect);
    this.live.markKpis(this.#changed);
    this.#changed.clear();
  }

  rejected(letter: DeadLetter): void {
    if (letter.sensorId !== null) {
      this.sensors.recordError(letter.sensorId);
      this.live.markSensor(letter.sensorId);
    }
    const second = Math.floor(letter.receivedAt / 1000);
    if (second !== this.#letterSecond) [this.#letterSecond, this.#lettersSent] = [second, 0];
    if (this.#lettersSent++ < MAX_LIVE_LETTERS_PER_SECOND)
      this.bus.publish({ type: 'dead-letter', data: letter });
  }
}
