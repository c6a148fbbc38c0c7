/** Where progress goes: a terminal gets one updating line, anything else JSON lines. */
export interface ProgressOutput {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface ProgressReporterOptions {
  /** Minimum wall time between two reports, ms. @defaultValue 1000 (200 on a terminal) */
  readonly everyMs?: number;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}

/** Clears the terminal line and returns the cursor to its start. */
const CLEAR_LINE = '\r\u001b[2K';

/**
 * Reports progress without flooding: on a terminal one line rewritten in place, elsewhere one JSON
 * object per line (for log collectors and scripts), at most once per `everyMs`.
 */
export class ProgressReporter {
  readonly #out: ProgressOutput;
  readonly #tty: boolean;
  readonly #everyMs: number;
  readonly #now: () => number;
  #last = -Infinity;
  #lineOpen = false;

  constructor(out: ProgressOutput, options: ProgressReporterOptions = {}) {
    this.#out = out;
    this.#tty = out.isTTY === true;
    this.#everyMs = options.everyMs ?? (this.#tty ? 200 : 1000);
    this.#now = options.now ?? Date.now;
  }

  /** Reports unless the last report is too recent; `force` reports regardless. */
  update(event: ProgressEvent, line: string, force = false): void {
    const now = this.#now();
    if (!force && now - this.#last < this.#everyMs) return;
    this.#last = now;
    if (this.#tty) {
      this.#out.write(`${CLEAR_LINE}${line}`);
      this.#lineOpen = true;
    } else this.#out.write(`${JSON.stringify(event)}\n`);
  }

  /** The final report: a line of its own on a terminal, a JSON line otherwise. */
  finish(event: ProgressEvent, line: string): void {
    if (this.#tty) this.#out.write(`${this.#lineOpen ? CLEAR_LINE : ''}${line}\n`);
    else this.#out.write(`${JSON.stringify(event)}\n`);
    this.#lineOpen = false;
  }
}

/** 1234567 → "1,234,567". */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Seconds → "1:02:03" or "2:03". */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
