import {
  parseSensorMessage,
  type DeadLetter,
  type DeadLetterLog,
  type IngestCounters,
  type Rejection,
  type Store,
  type StoredReading,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { IngestObserver } from './ingest-observer.js';
import { WriteBuffer } from './write-buffer.js';

export interface IngestPipelineDeps {
  readonly store: Store;
  readonly deadLetters: DeadLetterLog;
  readonly districtOf: (sensorId: string) => string;
  readonly observer: IngestObserver;
  readonly logger: Logger;
}

export interface IngestPipelineOptions {
  readonly topicPrefix: string;
  readonly maxPayloadBytes: number;
  readonly batchSize: number;
  readonly flushMs: number;
}

/** Bytes of a rejected payload kept in the dead-letter log. */
const EXCERPT_BYTES = 256;
const lenient = new TextDecoder('utf-8', { fatal: false });

/**
 * One MQTT message in: validate, then either dead-letter it with a reason or take its readings into
 * the store's write batches, telling the observer either way. `handle` never throws.
 */
export class IngestPipeline {
  readonly #readings: WriteBuffer<StoredReading>;
  readonly #letters: WriteBuffer<DeadLetter>;
  #messages = 0;
  #accepted = 0;
  #stored = 0;
  #rejected = 0;

  constructor(
    private readonly deps: IngestPipelineDeps,
    private readonly options: IngestPipelineOptions,
  ) {
    const { batchSize, flushMs } = options;
    const logger = deps.logger;
    this.#readings = new WriteBuffer({
      name: 'readings',
      batchSize,
      flushMs,
      logger,
      write: (batch) => deps.store.write(batch),
      onWritten: (n) => (this.#stored += n),
    });
    this.#letters = new WriteBuffer({
      name: 'dead letters',
      batchSize: 500,
      flushMs,
      logger,
      write: (batch) => deps.deadLetters.add(batch),
    });
  }

  handle(topic: string, payload: Uint8Array, receivedAt: number): void {
    this.#messages += 1;
    const { observer } = this.deps;
    const result = parseSensorMessage({ topic, payload, receivedAt }, this.options);
    if (result.sensorId !== null) observer.message(result.sensorId, receivedAt);
    if (!result.ok) {
      this.#reject(topic, payload, receivedAt, result.sensorId, result.rejection);
      return;
    }
    const district = this.deps.districtOf(result.sensorId);
    for (const reading of result.readings) this.#readings.push({ ...reading, district });
    this.#accepted += result.readings.length;
    observer.accepted(result.sensorId, result.readings);
  }

  /** A message refused before it reached ingest (by the broker's access rules): dead-lettered the same way. */
  refuse(
    topic: string,
    payload: Uint8Array,
    receivedAt: number,
    sensorId: string,
    rejection: Rejection,
  ): void {
    this.#messages += 1;
    this.#reject(topic, payload, receivedAt, sensorId, rejection);
  }

  #reject(
    topic: string,
    payload: Uint8Array,
    receivedAt: number,
    sensorId: string | null,
    rejection: Rejection,
  ): void {
    this.#rejected += 1;
    const letter: DeadLetter = {
      topic: topic.slice(0, 512),
      sensorId,
      code: rejection.code,
      reason: rejection.reason,
      payloadExcerpt: lenient.decode(payload.subarray(0, EXCERPT_BYTES)),
      payloadBytes: payload.byteLength,
      receivedAt,
    };
    this.#letters.push(letter);
    this.deps.observer.rejected(letter);
    if (this.deps.logger.isLevelEnabled('debug'))
      this.deps.logger.debug({ topic, code: rejection.code }, rejection.reason);
  }

  counters(): IngestCounters {
    return {
      messages: this.#messages,
      readings: this.#accepted,
      stored: this.#stored,
      rejected: this.#rejected,
      pending: this.#readings.pending,
    };
  }

  get lastStoreError(): string | null {
    return this.#readings.lastError ?? this.#letters.lastError;
  }

  /** Writes everything accepted so far. */
  async flush(): Promise<void> {
    await Promise.all([this.#readings.flush(), this.#letters.flush()]);
  }

  async stop(): Promise<void> {
    await this.flush();
    this.#readings.stop();
    this.#letters.stop();
  }
}
