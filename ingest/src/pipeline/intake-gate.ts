/** What an MQTT source asks before it reads on: the readable side of an {@link IntakeGate}. */
export interface IntakeFlow {
  /** False while intake should pause. */
  readonly open: boolean;
  /** Resolves at once when open, else when the gate opens again. */
  whenOpen(): Promise<void>;
}

/**
 * Four and two store writes of the default INGEST_BATCH_SIZE: the drain always has a whole batch
 * to write while intake runs, and a paused intake resumes before the store runs dry.
 */
export const DEFAULT_INTAKE_GATE_OPTIONS = { highWater: 20_000, lowWater: 10_000 } as const;

export interface IntakeGateOptions {
  /** Backlog (readings not yet stored) at which intake pauses. */
  readonly highWater: number;
  /** Backlog at which it resumes; below `highWater`, so that it does not flap on every batch. */
  readonly lowWater: number;
  /** Told when intake pauses (false) and resumes (true). */
  readonly onChange?: (open: boolean) => void;
}

/**
 * Back-pressure from storage to intake, with hysteresis: closes when the backlog of readings not
 * yet stored reaches the high-water mark and opens again once the store has brought it down to the
 * low-water mark. While closed, sources stop reading (TCP back-pressure, withheld PUBACKs) and QoS 0
 * messages that still arrive are dropped, so memory stays bounded and the store gets the CPU.
 */
export class IntakeGate implements IntakeFlow {
  readonly #options: IntakeGateOptions;
  #open = true;
  #waiters: (() => void)[] = [];
  #pauses = 0;

  constructor(options: IntakeGateOptions) {
    if (!(options.lowWater < options.highWater))
      throw new RangeError(`low water (${options.lowWater}) must be below high water (${options.highWater})`);
    this.#options = options;
  }

  get open(): boolean {
    return this.#open;
  }

  /** Times intake was paused so far. */
  get pauses(): number {
    return this.#pauses;
  }

  whenOpen(): Promise<void> {
    if (this.#open) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The backlog changed. */
  update(backlog: number): void {
    if (this.#open && backlog >= this.#options.highWater) {
      this.#open = false;
      this.#pauses += 1;
      this.#options.onChange?.(false);
    } else if (!this.#open && backlog <= this.#options.lowWater) {
      this.#open = true;
      this.#options.onChange?.(true);
      // Waiters resume in arrival order; one that closes the gate again makes the rest wait anew.
      for (const resolve of this.#waiters.splice(0)) resolve();
    }
  }

  /** Opens for good (shutdown): nobody waits on a gate that no store will ever open. */
  release(): void {
    this.#open = true;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}
