import type { RejectionCode } from '../readings/rejection.js';

/** A message that could not be taken as data, kept with the reason so that it can be inspected. */
export interface DeadLetter {
  readonly topic: string;
  /** Sensor id from the topic, when the topic had one. */
  readonly sensorId: string | null;
  readonly code: RejectionCode;
  /** A sentence a person can act on. */
  readonly reason: string;
  /** The first bytes of the payload, as text (invalid UTF-8 shown with replacement characters). */
  readonly payloadExcerpt: string;
  readonly payloadBytes: number;
  /** Epoch ms. */
  readonly receivedAt: number;
}

export interface DeadLetterQuery {
  readonly sensorId?: string;
  /** Newest first, at most this many. */
  readonly limit: number;
}

/** Durable log of rejected messages. */
export interface DeadLetterLog {
  add(letters: readonly DeadLetter[]): Promise<void>;
  list(query: DeadLetterQuery): Promise<DeadLetter[]>;
  /** Rejections per sensor id since the log was created. */
  countsBySensor(): Promise<Map<string, number>>;
}
