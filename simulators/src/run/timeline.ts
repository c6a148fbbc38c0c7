import type { Clock } from '@ssc-monitor/core';
import type { OutgoingMessage } from '../scenarios/payloads.js';
import { alignDown, type MessageSource } from '../simulation.js';
import type { BoundedSender } from './bounded-sender.js';

export interface TimelineOptions {
  readonly from: number;
  /** Last interval end; undefined runs until the signal aborts. */
  readonly to: number | undefined;
  readonly stepMs: number;
  /** Simulated time per wall time; undefined publishes as fast as the sender takes it. */
  readonly speed?: number;
  readonly source: MessageSource;
  /** Messages still held back when the period ends (late deliveries of the fault layer). */
  readonly flush?: () => readonly OutgoingMessage[];
  readonly sender: BoundedSender;
  readonly clock: Clock;
  /** @defaultValue a timer that the signal cancels */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TimelineProgress) => void;
}

export interface TimelineProgress {
  readonly from: number;
  readonly to: number | undefined;
  /** Simulated time reached: the end of the last interval handed over. */
  readonly simulated: number;
  readonly intervals: number;
  readonly published: number;
  readonly failed: number;
  /** Wall time since the start, ms. */
  readonly wallMs: number;
}

export interface TimelineSummary extends TimelineProgress {
  /** True when the signal ended the run before `to`. */
  readonly stopped: boolean;
}

function* intervalEndsFrom(from: number, to: number | undefined, step: number): Generator<number> {
  for (let end = alignDown(from, step) + step; to === undefined || end < to; end += step) yield end;
  if (to !== undefined && to > from) yield to;
}

function defaultSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Publishes (from, to] interval by interval: paced so that simulated time runs `speed` times faster
 * than the wall clock (event timestamps are simulated time), or without pacing for a backfill. A
 * slow broker is never outrun: the sender bounds what is in flight, and a late interval is published
 * at once rather than skipped.
 */
export async function runTimeline(o: TimelineOptions): Promise<TimelineSummary> {
  const sleep = o.sleep ?? defaultSleep;
  const wallStart = o.clock.now();
  let previous = o.from;
  let intervals = 0;
  const progress = (): TimelineProgress => ({
    from: o.from,
    to: o.to,
    simulated: previous,
    intervals,
    published: o.sender.published,
    failed: o.sender.failed,
    wallMs: o.clock.now() - wallStart,
  });
  for (const end of intervalEndsFrom(o.from, o.to, o.stepMs)) {
    if (o.speed !== undefined) {
      const wait = wallStart + (end - o.from) / o.speed - o.clock.now();
      if (wait > 0) await sleep(wait, o.signal);
    }
    if (o.signal?.aborted) break;
    await o.sender.send(o.source(end, end - previous));
    previous = end;
    intervals += 1;
    o.onProgress?.(progress());
  }
  if (o.flush) await o.sender.send(o.flush());
  await o.sender.drain();
  return { ...progress(), stopped: o.signal?.aborted === true };
}
