import type { Publisher } from '../publish/publisher.js';
import { SimulatorError } from '../errors.js';
import type { OutgoingMessage } from '../scenarios/payloads.js';

/**
 * Keeps at most `maxInFlight` messages between "handed to the publisher" and "published" (acked at
 * QoS 1), so a fast producer (a backfill) runs at the broker's pace without queueing a year of
 * messages in memory. Failures are counted, not thrown: a backfill carries on past a bad batch.
 */
export class BoundedSender {
  readonly #publisher: Publisher;
  readonly #max: number;
  readonly #pending = new Set<Promise<void>>();
  #inFlight = 0;
  published = 0;
  failed = 0;
  /** The first failure, for the summary. */
  firstError: unknown;

  constructor(publisher: Publisher, maxInFlight: number) {
    this.#publisher = publisher;
    this.#max = Math.max(1, maxInFlight);
  }

  /** Resolves once the messages are handed over and the window has room again. */
  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += this.#max) {
      const chunk = messages.slice(i, i + this.#max);
      while (this.#inFlight > 0 && this.#inFlight + chunk.length > this.#max)
        await Promise.race(this.#pending);
      this.#start(chunk);
    }
  }

  /** Resolves when every message handed over is published or failed. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.race(this.#pending);
  }

  #start(chunk: readonly OutgoingMessage[]): void {
    this.#inFlight += chunk.length;
    const done = this.#publisher.publish(chunk).then(
      () => {
        this.published += chunk.length;
      },
      (error: unknown) => {
        const failed =
          error instanceof SimulatorError && error.failed !== undefined ? error.failed : chunk.length;
        this.failed += failed;
        this.published += chunk.length - failed;
        this.firstError ??= error;
      },
    );
    const tracked = done.finally(() => {
      this.#inFlight -= chunk.length;
      this.#pending.delete(tracked);
    });
    this.#pending.add(tracked);
  }
}
