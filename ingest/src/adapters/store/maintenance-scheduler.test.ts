import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MaintenanceScheduler } from './maintenance-scheduler.js';

describe('MaintenanceScheduler', () => {
  let steps: number;
  let more: boolean;
  let errors: unknown[];
  let release: (() => void) | undefined;
  let scheduler: MaintenanceScheduler;

  beforeEach(() => {
    vi.useFakeTimers();
    steps = 0;
    more = false;
    errors = [];
    release = undefined;
    scheduler = new MaintenanceScheduler(
      async () => {
        steps += 1;
        if (release === undefined) return more;
        await new Promise<void>((resolve) => (release = resolve));
        return more;
      },
      { delayMs: 1000, periodMs: 60_000, onError: (error) => errors.push(error) },
    );
  });

  afterEach(async () => {
    release?.();
    await scheduler.stop();
    vi.useRealTimers();
  });

  it('runs one step after the delay, however many writes notify', async () => {
    for (let i = 0; i < 50; i += 1) scheduler.notify();
    await vi.advanceTimersByTimeAsync(999);
    expect(steps).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(steps).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(steps).toBe(1);
  });

  it('keeps stepping under steady writes (a throttle, not a debounce)', async () => {
    for (let ms = 0; ms < 5000; ms += 100) {
      scheduler.notify();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(steps).toBe(5);
  });

  it('runs again on demand after a step in progress, sharing a queued step', async () => {
    release = () => undefined;
    const first = scheduler.runNow();
    await vi.advanceTimersByTimeAsync(0);
    const second = scheduler.runNow();
    const third = scheduler.runNow();
    expect(second).toBe(third);
    expect(steps).toBe(1);
    release();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    release();
    await second;
    expect(steps).toBe(2);
  });

  it('steps again soon while work is left, and periodically without writes', async () => {
    scheduler.start();
    more = true;
    await scheduler.runNow();
    more = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(steps).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(steps).toBe(3);
  });

  it('reports a failed background step and retries it after the delay', async () => {
    const failing = new MaintenanceScheduler(
      () => {
        steps += 1;
        return Promise.reject(new Error(`step ${steps} failed`));
      },
      { delayMs: 1000, periodMs: 60_000, onError: (error) => errors.push(error) },
    );
    failing.notify();
    await vi.advanceTimersByTimeAsync(2000);
    expect(steps).toBe(2);
    expect(errors).toHaveLength(2);
    await failing.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(steps).toBe(2);
  });

  it('ignores notifications once stopped', async () => {
    await scheduler.stop();
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(5000);
    expect(steps).toBe(0);
  });
});
