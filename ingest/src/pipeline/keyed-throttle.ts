/**
 * Sends each key at most once per interval: at once when the key was not sent within the last interval
 * (leading edge), otherwise once when that interval ends, with whatever is newest by then (trailing
 * edge; any number of marks in between become that one send). An isolated change is thus sent without
 * delay, and a busy key costs at most one send per interval.
 */
export class KeyedThrottle {
  /** When each key was last sent, epoch ms. */
  readonly #lastSent = new Map<string, number>();
  /** Keys waiting for their trailing send, and when it is due. */
  readonly #waiting = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #timerDue = Number.POSITIVE_INFINITY;

  constructor(
    private readonly send: (key: string) => void,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  mark(key: string): void {
    if (this.#waiting.has(key)) return;
    const now = this.now();
    const last = this.#lastSent.get(key);
    if (last === undefined || now - last >= this.intervalMs) {
      this.#sendNow(key, now);
      return;
    }
    const due = last + this.intervalMs;
    this.#waiting.set(key, due);
    this.#wakeAt(due, now);
  }

  /** Sends every waiting key now (shutdown). */
  flush(): void {
    this.#clearTimer();
    const now = this.now();
    for (const key of this.#waiting.keys()) this.#sendNow(key, now);
    this.#waiting.clear();
  }

  get waiting(): number {
    return this.#waiting.size;
  }

  #sendNow(key: string, now: number): void {
    this.#lastSent.set(key, now);
    this.send(key);
  }

  #wakeAt(due: number, now: number): void {
    if (due >= this.#timerDue) return;
    this.#clearTimer();
    this.#timerDue = due;
    this.#timer = setTimeout(() => this.#sendDue(), Math.max(0, due - now));
    this.#timer.unref();
  }

  #sendDue(): void {
    this.#timer = undefined;
    this.#timerDue = Number.POSITIVE_INFINITY;
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    for (const [key, due] of this.#waiting) {
      if (due <= now) {
        this.#waiting.delete(key);
        this.#sendNow(key, now);
      } else if (due < next) next = due;
    }
    if (next !== Number.POSITIVE_INFINITY) this.#wakeAt(next, now);
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDue = Number.POSITIVE_INFINITY;
  }
}
