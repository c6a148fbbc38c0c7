import { ingestForwardFilter, type DeadLetterLog } from '@ssc-monitor/core';
import type { MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { IngestObserver } from '../pipeline/ingest-observer.js';
import { parseForwardBatch, toReading } from './forward-batch.js';

/**
 * The monitor side of scale-out: takes what every worker forwards and applies it to the one KPI
 * engine and sensor registry (through the same observer a single process uses); rejected messages go
 * to the monitor's dead-letter log. Workers store readings themselves.
 */
export class ForwardConsumer {
  #received = 0;

  constructor(
    private readonly observer: IngestObserver,
    private readonly deadLetters: DeadLetterLog,
    private readonly logger: Logger,
  ) {}

  get batches(): number {
    return this.#received;
  }

  /** Subscribes on every (re)connect of the given client. */
  attach(client: MqttClient, prefix: string): void {
    const filter = ingestForwardFilter(prefix);
    const subscribe = () =>
      client.subscribe(filter, { qos: 1 }, (error) => {
        if (error) this.logger.error({ err: error }, 'subscribing to worker results failed');
      });
    client.on('connect', subscribe);
    if (client.connected) subscribe();
    client.on('message', (topic, payload) => {
      if (topic.startsWith(filter.slice(0, -1))) this.#apply(payload);
    });
  }

  #apply(payload: Buffer): void {
    const batch = parseForwardBatch(payload);
    if (batch === undefined) {
      this.logger.warn({ bytes: payload.byteLength }, 'ignored a malformed batch from a worker');
      return;
    }
    this.#received += 1;
    for (const [sensorId, receivedAt] of batch.messages) this.observer.message(sensorId, receivedAt);
    const bySensor = new Map<string, ReturnType<typeof toReading>[]>();
    for (const tuple of batch.readings) {
      const reading = toReading(tuple);
      const list = bySensor.get(reading.sensorId);
      if (list === undefined) bySensor.set(reading.sensorId, [reading]);
      else list.push(reading);
    }
    for (const [sensorId, readings] of bySensor) this.observer.accepted(sensorId, readings);
    for (const letter of batch.rejected) this.observer.rejected(letter);
    if (batch.rejected.length > 0)
      this.deadLetters
        .add(batch.rejected)
        .catch((error: unknown) =>
          this.logger.error({ err: error }, 'storing forwarded dead letters failed'),
        );
  }
}
