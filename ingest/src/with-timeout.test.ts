import { afterEach, describe, expect, it, vi } from 'vitest';
import { withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('settles as the promise does when it answers in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, 'late')).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('down')), 1000, 'late')).rejects.toThrow('down');
  });

  it('rejects with the message once the time is up', async () => {
    vi.useFakeTimers();
    const pending = withTimeout(new Promise<never>(() => undefined), 2000, 'no answer within 2000 ms');
    const settled = expect(pending).rejects.toThrow('no answer within 2000 ms');
    await vi.advanceTimersByTimeAsync(2000);
    await settled;
  });
});
