import { ingestForwardTopic, type DeadLetter, type Reading } from '@ssc-monitor/core';
import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { IngestObserver } from '../pipeline/ingest-observer.js';
import { toTuple, type ForwardBatch } from './forward-batch.js';

/** How often a worker forwards what it validated: small enough for a live dashboard. */
export const FORWARD_INTERVAL_MS = 100;

/**
 * The worker side of scale-out: instead of keeping KPI state itself, it forwards every validated
 * message to the monitor process over the same broker (QoS 1), so one KPI engine sees all readings.
 */
export class IngestForwarder implements IngestObserver {
  #batch: ForwardBatch;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    /** The worker's own MQTT connection (shared with its sensor subscription). */
    private readonly clientOf: () => MqttClient | undefined,
    private readonly prefix: string,
    private readonly workerId: string,
    private readonly logger: Logger,
  ) {
    this.#batch = this.#empty();
  }

  start(): void {
    this.#timer = setInterval(() => void this.flush(), FORWARD_INTERVAL_MS);
    this.#timer.unref();
  }

  message(sensorId: string, receivedAt: number): void {
    this.#batch.messages.push([sensorId, receivedAt]);
  }

  accepted(_sensorId: string, readings: readonly Reading[]): void {
    for (const reading of readings) this.#batch.readings.push(toTuple(reading));
  }

  rejected(letter: DeadLetter): void {
    this.#batch.rejected.push({ ...letter });
  }

  async flush(): Promise<void> {
    const batch = this.#batch;
    const client = this.clientOf();
    if (batch.messages.length === 0 || client === undefined) return;
    this.#batch = this.#empty();
    try {
      await client.publishAsync(ingestForwardTopic(this.prefix, this.workerId), JSON.stringify(batch), {
        qos: 1,
      });
    } catch (error) {
      // MQTT.js queues QoS 1 publishes while disconnected; an error here means the client was closed.
      this.logger.error({ err: error, messages: batch.messages.length }, 'forwarding to the monitor failed');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }

  #empty(): ForwardBatch {
    return { v: 1, worker: this.workerId, messages: [], readings: [], rejected: [] };
  }
}
