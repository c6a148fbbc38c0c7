import type { OutgoingMessage } from '../scenarios/payloads.js';

/** Where simulated sensor messages go. Adapters: {@link MqttPublisher}, {@link MemoryPublisher}. */
export interface Publisher {
  /** Connects; rejects with a `SIM_ERR_CONNECT` SimulatorError when the destination is unreachable. */
  start(): Promise<void>;
  /**
   * Publishes a batch and resolves once every message is handed over (QoS 0) or acknowledged (QoS 1);
   * rejects with `SIM_ERR_PUBLISH` if any message failed, after the others were attempted.
   */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Flushes what is in flight and disconnects. Safe to call twice. */
  stop(): Promise<void>;
}
