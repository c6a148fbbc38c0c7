import { SimulatorError } from '../errors.js';
import type { OutgoingMessage } from '../scenarios/payloads.js';
import type { Publisher } from './publisher.js';

/** Keeps published messages in memory: for tests of the simulation loop and for replay tooling. */
export class MemoryPublisher implements Publisher {
  readonly messages: OutgoingMessage[] = [];
  #started = false;

  async start(): Promise<void> {
    this.#started = true;
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (!this.#started) throw new SimulatorError('SIM_ERR_NOT_STARTED', 'publish() called while not started');
    this.messages.push(...messages);
  }

  async stop(): Promise<void> {
    this.#started = false;
  }
}
