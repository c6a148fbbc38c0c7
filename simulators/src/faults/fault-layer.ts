import { encodeBatch, type SensorBatch } from '../scenarios/messages.js';
import type { OutgoingMessage } from '../scenarios/payloads.js';
import { hasFaults, type FaultConfig, type FaultName } from './fault-config.js';
import { malformedPayload, type MalformedShape } from './malformed.js';
import { applyValueFaults, draw, isDropped, type StuckMemory } from './value-faults.js';

/** A message on its way to the broker, with the faults that shaped it (empty when clean). */
export interface WireMessage extends OutgoingMessage {
  /** End of the interval the message covers, epoch ms (not moved by clock skew). */
  readonly t: number;
  readonly faults: readonly FaultName[];
}

export type FaultCounts = Record<FaultName, number>;

const zeroCounts = (): FaultCounts => ({
  dropout: 0,
  silent: 0,
  spike: 0,
  stuck: 0,
  drift: 0,
  clockSkew: 0,
  duplicate: 0,
  outOfOrder: 0,
  malformed: 0,
  wrongUnit: 0,
});

/**
 * The fault layer over the clean generator's stream: one interval's batches in, the messages that go
 * on the wire out. Decisions are hashes of (seed, fault, sensor, time), so the same seed and stream
 * give the same output; the only memory is what a stuck sensor repeats and the messages held back for
 * late delivery. Without faults the output is exactly the clean encoding.
 */
export class FaultLayer {
  readonly #config: FaultConfig;
  readonly #seed: number;
  readonly #active: boolean;
  readonly #stuck: StuckMemory = new Map();
  #held: WireMessage[] = [];
  /** Messages (or, for spikes, messages with a spike) each fault has hit so far. */
  readonly counts: FaultCounts = zeroCounts();
  /** Clean messages the layer was given. */
  cleanMessages = 0;

  constructor(config: FaultConfig, seed: number) {
    this.#config = config;
    this.#seed = seed;
    this.#active = hasFaults(config);
  }

  apply(batches: readonly SensorBatch[]): WireMessage[] {
    this.cleanMessages += batches.length;
    if (!this.#active) return batches.map((b) => ({ ...encodeBatch(b), t: b.t, faults: [] }));
    const out: WireMessage[] = [];
    const held = this.#held;
    this.#held = [];
    for (const batch of batches) this.#deliver(batch, out);
    // Held messages arrive after the next interval's: the sensor's later reading overtakes them.
    out.push(...held);
    return out;
  }

  /** Messages still held back; call when the stream ends. */
  flush(): WireMessage[] {
    const held = this.#held;
    this.#held = [];
    return held;
  }

  #deliver(clean: SensorBatch, out: WireMessage[]): void {
    const dropped = isDropped(this.#config, this.#seed, clean);
    if (dropped) {
      this.counts[dropped] += 1;
      return;
    }
    const { batch, faults } = applyValueFaults(this.#config, this.#seed, clean, this.#stuck);
    let message: WireMessage = { ...encodeBatch(batch), t: batch.t, faults };
    message = this.#maybeMalformed(batch, message);
    for (const fault of message.faults) this.counts[fault] += 1;
    const id = batch.sensor.id;
    if (this.#hits('outOfOrder', id, batch.t)) {
      this.counts.outOfOrder += 1;
      this.#held.push({ ...message, faults: [...message.faults, 'outOfOrder'] });
    } else out.push(message);
    if (this.#hits('duplicate', id, batch.t)) {
      this.counts.duplicate += 1;
      out.push({ ...message, faults: [...message.faults, 'duplicate'] });
    }
  }

  #hits(fault: 'outOfOrder' | 'duplicate' | 'malformed', sensorId: string, t: number): boolean {
    const rate = fault === 'malformed' ? this.#config.malformed.rate : this.#config[fault];
    return rate > 0 && draw(this.#seed, fault, sensorId, t) < rate;
  }

  #maybeMalformed(batch: SensorBatch, message: WireMessage): WireMessage {
    const { shapes } = this.#config.malformed;
    const first = batch.readings[0];
    if (first === undefined || shapes.length === 0 || !this.#hits('malformed', batch.sensor.id, batch.t))
      return message;
    const pick = Math.floor(draw(this.#seed, 'malformed', batch.sensor.id, batch.t, 'shape') * shapes.length);
    const shape = shapes[pick] as MalformedShape;
    const payload = malformedPayload(shape, { quantity: first.quantity, value: first.value, t: batch.t });
    return { ...message, payload, faults: [...message.faults, 'malformed'] };
  }
}
