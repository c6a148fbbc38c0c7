import { describe, expect, it } from 'vitest';
import { MemoryPublisher } from '../publish/memory-publisher.js';
import { BoundedSender } from './bounded-sender.js';
import { runTimeline, type TimelineOptions } from './timeline.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

async function timeline(options: Partial<TimelineOptions> & Pick<TimelineOptions, 'from' | 'to' | 'stepMs'>) {
  const publisher = new MemoryPublisher();
  await publisher.start();
  const calls: Array<[number, number]> = [];
  let now = 1_000_000;
  const sleeps: number[] = [];
  const summary = await runTimeline({
    source: (t, dtMs) => {
      calls.push([t, dtMs]);
      return [{ sensorId: 's', payload: String(t) }];
    },
    sender: new BoundedSender(publisher, 10),
    clock: { now: () => now },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    ...options,
  });
  return { summary, calls, sleeps, publisher };
}

describe('runTimeline', () => {
  it('backfills (from, to] on round step boundaries without pauses', async () => {
    const { summary, calls, sleeps, publisher } = await timeline({
      from: T0 + 20 * 60_000,
      to: T0 + 3 * HOUR,
      stepMs: HOUR,
    });
    expect(calls).toEqual([
      [T0 + HOUR, 40 * 60_000],
      [T0 + 2 * HOUR, HOUR],
      [T0 + 3 * HOUR, HOUR],
    ]);
    expect(sleeps).toEqual([]);
    expect(publisher.messages.map((m) => m.payload)).toEqual(calls.map(([t]) => String(t)));
    expect(summary).toMatchObject({
      intervals: 3,
      published: 3,
      failed: 0,
      simulated: T0 + 3 * HOUR,
      stopped: false,
    });
  });

  it('paces simulated time at the speed asked for', async () => {
    const { calls, sleeps } = await timeline({ from: T0, to: T0 + 4 * HOUR, stepMs: HOUR, speed: 3600 });
    expect(calls.map(([t]) => t)).toEqual([1, 2, 3, 4].map((h) => T0 + h * HOUR));
    // An hour of simulated time per second of wall time.
    expect(sleeps).toEqual([1000, 1000, 1000, 1000]);
  });

  it('stops when aborted and publishes what is held back at the end', async () => {
    const abort = new AbortController();
    const { summary, publisher } = await timeline({
      from: T0,
      to: undefined,
      stepMs: HOUR,
      speed: 3600,
      signal: abort.signal,
      sleep: async () => {},
      source: (t) => {
        if (t >= T0 + 5 * HOUR) abort.abort();
        return [{ sensorId: 's', payload: String(t) }];
      },
      flush: () => [{ sensorId: 's', payload: 'held' }],
    });
    expect(summary).toMatchObject({ intervals: 5, stopped: true });
    expect(publisher.messages.at(-1)?.payload).toBe('held');
  });
});
