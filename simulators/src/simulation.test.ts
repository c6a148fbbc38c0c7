import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_CLOCK } from '@ssc-monitor/core';
import { MemoryPublisher } from './publish/memory-publisher.js';
import type { Publisher } from './publish/publisher.js';
import { createDemoCity, type DemoCity, type SimSensor } from './scenarios/demo-city.js';
import {
  intervalEnds,
  MIN_BACKFILL_STEP_MS,
  SimulationLoop,
  type SimulationLoopOptions,
} from './simulation.js';
import { SimulatorError } from './errors.js';

const sensors: SimSensor[] = [
  { id: 'traffic-1', district: 'centre', kind: 'traffic' },
  { id: 'aq-1', district: 'centre', kind: 'air_quality' },
];
/** 3 s past an interval boundary, as a real start would be. */
const NOW = Date.UTC(2026, 10, 24, 10, 0, 3);
const logger = pino({ level: 'silent' });

function startLoop(options: Omit<SimulationLoopOptions, 'clock' | 'logger'>) {
  const loop = new SimulationLoop({ ...options, clock: SYSTEM_CLOCK, logger });
  return { loop, backfilled: loop.start() };
}

/** The city with every (t, Δt) it is asked for recorded. */
function recordingCity(): { city: DemoCity; calls: Array<[number, number]> } {
  const inner = createDemoCity(sensors, 1);
  const calls: Array<[number, number]> = [];
  const city: DemoCity = {
    ...inner,
    readings: (t, dtMs) => {
      calls.push([t, dtMs]);
      return inner.readings(t, dtMs);
    },
  };
  return { city, calls };
}

describe('intervalEnds', () => {
  it.each([
    [0, 900, 300, [300, 600, 900]],
    [100, 900, 300, [300, 600, 900]],
    [0, 1000, 300, [300, 600, 900, 1000]],
    [500, 500, 300, []],
  ])('covers (%d, %d] in steps of %d', (from, to, step, ends) => {
    expect(intervalEnds(from, to, step)).toEqual(ends);
  });
});

describe('SimulationLoop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backfills in 5-minute steps, then publishes each interval just ended, without gaps', async () => {
    const { city, calls } = recordingCity();
    const publisher = new MemoryPublisher();
    await publisher.start();
    const { loop, backfilled } = startLoop({
      city,
      publisher,
      intervalMs: 10_000,
      backfillMs: 3_600_000,
    });
    expect(await backfilled).toBe(12 * sensors.length);
    // The first backfill interval starts at now − backfill, 3 s past a 5-minute boundary.
    expect(calls.map(([, dt]) => dt)).toEqual([
      MIN_BACKFILL_STEP_MS - 3_000,
      ...Array(11).fill(MIN_BACKFILL_STEP_MS),
    ]);
    await vi.advanceTimersByTimeAsync(30_000);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    const start = Math.floor(NOW / 10_000) * 10_000;
    expect(calls.at(-1)).toEqual([start + 30_000, 10_000]);
    expect(calls.length).toBe(15);
    for (let i = 1; i < calls.length; i += 1) {
      const [t, dt] = calls[i] ?? [0, 0];
      expect(t - dt).toBe(calls[i - 1]?.[0]);
    }
    expect(calls[0]?.[0]).toBe(start - 3_600_000 + MIN_BACKFILL_STEP_MS);
    expect(publisher.messages.length).toBe(15 * sensors.length);
  });

  it('folds a stall into one longer interval rather than losing it', async () => {
    const { city, calls } = recordingCity();
    const publisher = new MemoryPublisher();
    await publisher.start();
    const { loop } = startLoop({
      city,
      publisher,
      intervalMs: 10_000,
      backfillMs: 0,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    // The clock jumps while the timer does not fire (a suspended laptop).
    vi.setSystemTime(Date.now() + 45_000);
    await vi.advanceTimersByTimeAsync(10_000);
    await loop.stop();
    expect(calls.map(([, dt]) => dt)).toEqual([10_000, 50_000]);
  });

  it('keeps going after a failed batch', async () => {
    const { city, calls } = recordingCity();
    let failures = 0;
    const publisher: Publisher = {
      start: async () => {},
      stop: async () => {},
      publish: async () => {
        failures += 1;
        if (failures === 1) throw new SimulatorError('SIM_ERR_PUBLISH', 'broker said no');
      },
    };
    const { loop } = startLoop({
      city,
      publisher,
      intervalMs: 10_000,
      backfillMs: 0,
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await loop.stop();
    expect(calls.length).toBe(3);
    expect(failures).toBe(3);
  });

  it('stops a backfill part-way', async () => {
    const { city, calls } = recordingCity();
    const publisher = new MemoryPublisher();
    await publisher.start();
    const { loop, backfilled } = startLoop({
      city,
      publisher,
      intervalMs: 10_000,
      backfillMs: 48 * 3_600_000,
    });
    await loop.stop();
    await backfilled;
    expect(calls.length).toBeLessThan(5);
  });
});
