import type { DeadLetter, Reading } from '@ssc-monitor/core';

/**
 * What the ingest pipeline tells about each message once validated. In one process the local
 * monitor (KPI engine, sensor registry, live stream) listens; in a scaled-out deployment a worker
 * forwards the same calls to the monitor process over MQTT.
 */
export interface IngestObserver {
  message(sensorId: string, receivedAt: number): void;
  accepted(sensorId: string, readings: readonly Reading[]): void;
  rejected(letter: DeadLetter): void;
}
