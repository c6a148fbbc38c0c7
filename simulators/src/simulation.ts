import type { Clock } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { Publisher } from './publish/publisher.js';
import type { DemoCity } from './scenarios/demo-city.js';
import { demoMessages } from './scenarios/messages.js';
import type { OutgoingMessage } from './scenarios/payloads.js';

/** The messages of the interval (t − dtMs, t]: the clean city, or the city seen through faults. */
export type MessageSource = (t: number, dtMs: number) => readonly OutgoingMessage[];

/** Backfill never publishes finer than this: 48 h at 10 s would be 550,000 messages for no gain. */
export const MIN_BACKFILL_STEP_MS = 5 * 60_000;

export interface SimulationLoopOptions {
  readonly city: DemoCity;
  /** Where each interval's messages come from. @defaultValue the city's clean messages */
  readonly source?: MessageSource;
  readonly publisher: Publisher;
  /** Real-time interval, ms. */
  readonly intervalMs: number;
  /** Length of the past period published first, ms; 0 for none. */
  readonly backfillMs: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long stop() waits for a batch in flight (a broker that is down can hold one forever). */
  readonly stopTimeoutMs?: number;
}

export function alignDown(t: number, step: number): number {
  return Math.floor(t / step) * step;
}

/**
 * Ends of the intervals covering (from, to]: the multiples of `step` inside it, then `to`. Interval
 * boundaries fall on round times, and the last one meets the real-time loop without gap or overlap.
 */
export function intervalEnds(from: number, to: number, step: number): number[] {
  const ends: number[] = [];
  for (let end = alignDown(from, step) + step; end < to; end += step) ends.push(end);
  if (to > from) ends.push(to);
  return ends;
}

function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Publishes the city's messages: first the backfill as fast as the publisher accepts it, then one
 * batch per interval for the interval just ended. Each batch covers everything since the previous
 * one, so a late timer or a stalled broker folds the gap into one longer interval instead of losing
 * it; a failed batch is logged and not retried, since part of it may have been delivered.
 */
export class SimulationLoop {
  readonly #options: SimulationLoopOptions;
  readonly #log: Logger;
  #last = 0;
  #stopped = false;
  #timer: NodeJS.Timeout | undefined;
  #inflight: Promise<unknown> = Promise.resolve();

  constructor(options: SimulationLoopOptions) {
    this.#options = options;
    this.#log = options.logger.child({ module: 'demo-simulation' });
  }

  /** Starts publishing; resolves with the number of backfill messages once they are out (0 without). */
  start(): Promise<number> {
    const { intervalMs, backfillMs, clock } = this.#options;
    const now = clock.now();
    const start = alignDown(now, intervalMs);
    this.#last = start;
    // Measured from now, not from the aligned start: a caller that backfills exactly the gap since
    // its newest stored reading gets no overlap.
    const backfilled = backfillMs > 0 ? this.#backfill(now - backfillMs, start) : Promise.resolve(0);
    this.#inflight = backfilled.then(() => this.#schedule());
    return backfilled;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await settleWithin(this.#inflight, this.#options.stopTimeoutMs ?? 5_000);
  }

  async #publishInterval(t: number, dtMs: number): Promise<number> {
    const { city, source } = this.#options;
    const messages = source ? source(t, dtMs) : demoMessages(city, t, dtMs);
    try {
      await this.#options.publisher.publish(messages);
      if (this.#log.isLevelEnabled('debug'))
        this.#log.debug({ t, dtMs, messages: messages.length }, 'interval published');
      return messages.length;
    } catch (error) {
      this.#log.warn({ err: error, t }, 'interval not fully published');
      return 0;
    }
  }

  async #backfill(from: number, to: number): Promise<number> {
    const step = Math.max(this.#options.intervalMs, MIN_BACKFILL_STEP_MS);
    let previous = from;
    let published = 0;
    for (const end of intervalEnds(from, to, step)) {
      if (this.#stopped) break;
      published += await this.#publishInterval(end, end - previous);
      previous = end;
    }
    this.#log.info({ from, to: previous, messages: published }, 'backfill published');
    return published;
  }

  #schedule(): void {
    if (this.#stopped) return;
    const delay = Math.max(0, this.#last + this.#options.intervalMs - this.#options.clock.now());
    this.#timer = setTimeout(() => {
      this.#inflight = this.#tick();
    }, delay);
  }

  async #tick(): Promise<void> {
    const t = alignDown(this.#options.clock.now(), this.#options.intervalMs);
    if (t > this.#last && !this.#stopped) {
      await this.#publishInterval(t, t - this.#last);
      this.#last = t;
    }
    this.#schedule();
  }
}
