import mqtt, { type MqttClient } from 'mqtt';

/** One reading the load generator published; its identity is (sensorId, quantity, ts). */
export interface LedgerEntry {
  readonly seq: number;
  readonly sensorId: string;
  readonly quantity: 'pm25';
  readonly ts: number;
  readonly value: number;
  /** False for readings made invalid on purpose; they must end in the dead-letter log. */
  readonly valid: boolean;
  readonly topic: string;
  readonly payload: string;
  /** When the PUBACK arrived, epoch ms. */
  ackedAt?: number;
}

export interface LedgerLoadOptions {
  readonly brokerUrl: string;
  /** Topic prefix of the platform under test, ending in `/`. */
  readonly topicPrefix: string;
  /** Unique per run; every sensor id starts with it, so the checker reads only this run. */
  readonly run: string;
  /** Messages per second. @defaultValue 200 */
  readonly rate?: number;
  /** Every n-th reading is out of range. @defaultValue 50 */
  readonly invalidEvery?: number;
  /** Sensor ids whose readings are valid but that the store fault server refuses; see `poisonSensor`. */
  readonly poisonEvery?: number;
  /** Publishes without a PUBACK yet; beyond it the generator waits (the broker is the bottleneck). @defaultValue 500 */
  readonly maxInFlight?: number;
}

const SENSORS = 20;
const BAD_SENSORS = 4;
const TICK_MS = 50;
/** Readings are 10 ms apart from a start 3 h ago, so any run of up to a million stays in the past. */
const STEP_MS = 10;
const HISTORY_MS = 3 * 3_600_000;

export const validSensor = (run: string, n: number): string => `${run}-s${n % SENSORS}`;
export const badSensor = (run: string, n: number): string => `${run}-bad${n % BAD_SENSORS}`;
export const poisonSensor = (run: string): string => `${run}-poison`;

/**
 * Publishes deterministic readings at QoS 1 at a steady rate and records, in a ledger, each one
 * whose PUBACK arrived: the broker then owns it, and the platform must store or reject it.
 */
export class LedgerLoad {
  readonly #options: Required<LedgerLoadOptions>;
  readonly #start = Date.now() - HISTORY_MS;
  readonly published: LedgerEntry[] = [];
  #client: MqttClient | undefined;
  #timer: NodeJS.Timeout | undefined;
  #inFlight = new Set<Promise<void>>();
  #seq = 0;
  errors = 0;

  constructor(options: LedgerLoadOptions) {
    this.#options = { rate: 200, invalidEvery: 50, poisonEvery: 0, maxInFlight: 500, ...options };
  }

  /** Readings whose PUBACK arrived. */
  get acknowledged(): LedgerEntry[] {
    return this.published.filter((entry) => entry.ackedAt !== undefined);
  }

  async start(): Promise<void> {
    // Reconnects on its own; unacknowledged QoS 1 publishes are resent after a reconnect.
    this.#client = await mqtt.connectAsync(this.#options.brokerUrl, {
      reconnectPeriod: 250,
      connectTimeout: 5000,
      clientId: `${this.#options.run}-load`,
      clean: false,
    });
    this.#client.on('error', () => (this.errors += 1));
    const perTick = (this.#options.rate * TICK_MS) / 1000;
    let due = 0;
    this.#timer = setInterval(() => {
      due += perTick;
      while (due >= 1 && this.#inFlight.size < this.#options.maxInFlight) {
        due -= 1;
        this.#publish();
      }
      due = Math.min(due, perTick * 4);
    }, TICK_MS);
  }

  /** Stops publishing and waits (up to `timeoutMs`) for the PUBACKs still outstanding. */
  async stop(timeoutMs = 30_000): Promise<void> {
    clearInterval(this.#timer);
    const deadline = Date.now() + timeoutMs;
    while (this.#inFlight.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled(this.#inFlight), new Promise((r) => setTimeout(r, 200))]);
    }
    await this.#client?.endAsync(true);
  }

  #publish(): void {
    const entry = this.#next();
    this.published.push(entry);
    const sent = this.#client!.publishAsync(entry.topic, entry.payload, { qos: 1 }).then(
      () => void (entry.ackedAt = Date.now()),
      () => void (this.errors += 1),
    );
    this.#inFlight.add(sent);
    void sent.finally(() => this.#inFlight.delete(sent));
  }

  #next(): LedgerEntry {
    const seq = this.#seq++;
    const { run, invalidEvery, poisonEvery, topicPrefix } = this.#options;
    const ts = this.#start + seq * STEP_MS;
    const valid = seq % invalidEvery !== invalidEvery - 1;
    const poison = valid && poisonEvery > 0 && seq % poisonEvery === 0;
    const sensorId = !valid ? badSensor(run, seq) : poison ? poisonSensor(run) : validSensor(run, seq);
    // Out of range (PM2.5 cannot be negative) for the invalid ones; one decimal place otherwise.
    const value = valid ? (seq % 997) / 10 : -1 - (seq % 50);
    const payload = JSON.stringify({ pm25: value, ts });
    return {
      seq,
      sensorId,
      quantity: 'pm25',
      ts,
      value,
      valid,
      topic: `${topicPrefix}sensors/${sensorId}`,
      payload,
    };
  }
}
