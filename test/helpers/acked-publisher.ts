import mqtt, { type MqttClient } from 'mqtt';

/** The device time of reading `seq`: one a second from `base`, so each has its own identity. */
export const readingTs = (base: number, seq: number): number => base + seq * 1000;
/** A value that tells readings apart, within the PM2.5 range. */
export const readingValue = (seq: number): number => (seq % 900) + 0.5;

/**
 * Publishes numbered QoS 1 readings of one sensor, a few in flight at a time, and records every one
 * the broker acknowledged (PUBACK). It keeps going across broker restarts: MQTT.js reconnects and
 * resends what was in flight.
 */
export class AckedPublisher {
  readonly acked = new Set<number>();
  #client: MqttClient | undefined;
  #next = 0;
  #inFlight = 0;
  #running = false;
  #idle: (() => void) | undefined;

  constructor(
    private readonly url: string,
    private readonly topic: string,
    private readonly base: number,
    private readonly options: {
      readonly inFlight: number;
      readonly pauseMs: number;
      /** Credentials for a broker that requires them (the embedded one outside the demo). */
      readonly username?: string;
      readonly password?: string;
    },
  ) {}

  get published(): number {
    return this.#next;
  }

  start(): void {
    const { username, password } = this.options;
    this.#client = mqtt.connect(this.url, {
      reconnectPeriod: 200,
      connectTimeout: 5000,
      ...(username !== undefined ? { username, password } : {}),
    });
    this.#client.on('error', () => undefined);
    this.#running = true;
    this.#client.on('connect', () => this.#fill());
  }

  /** Stops publishing new readings and waits (up to `timeoutMs`) for those in flight to be acknowledged. */
  async stop(timeoutMs: number): Promise<void> {
    this.#running = false;
    if (this.#inFlight > 0)
      await Promise.race([
        new Promise<void>((resolve) => (this.#idle = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs)),
      ]);
    await this.#client?.endAsync(true);
  }

  #fill(): void {
    const client = this.#client;
    while (client?.connected && this.#running && this.#inFlight < this.options.inFlight)
      this.#publish(client);
  }

  #publish(client: MqttClient): void {
    const seq = this.#next++;
    this.#inFlight += 1;
    const payload = JSON.stringify({ pm25: readingValue(seq), ts: readingTs(this.base, seq) });
    client.publish(this.topic, payload, { qos: 1 }, (error) => {
      this.#inFlight -= 1;
      if (!error) this.acked.add(seq);
      if (this.#inFlight === 0) this.#idle?.();
      // The pause bounds the rate, so that a broker's offline queue never overflows.
      setTimeout(() => this.#fill(), this.options.pauseMs);
    });
  }
}
