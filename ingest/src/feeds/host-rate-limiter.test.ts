import { describe, expect, it } from 'vitest';
import { HostRateLimiter } from './host-rate-limiter.js';

/** A clock that only moves when the limiter sleeps, so spacing is exact and the test instant. */
function virtualTime() {
  let now = 0;
  return { now: () => now, sleep: (ms: number) => Promise.resolve().then(() => void (now += ms)) };
}

describe('HostRateLimiter', () => {
  it('spaces the starts of requests to one host and runs them one at a time', async () => {
    const time = virtualTime();
    const limiter = new HostRateLimiter(1_000, time.now, time.sleep);
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start ${time.now()}`);
      await Promise.resolve();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      limiter.schedule('a.example', task('a1')),
      limiter.schedule('a.example', task('a2')),
      limiter.schedule('b.example', task('b1')),
      limiter.schedule('a.example', task('a3')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(log.filter((l) => l.startsWith('a'))).toEqual([
      'a1 start 0',
      'a1 end',
      'a2 start 1000',
      'a2 end',
      'a3 start 2000',
      'a3 end',
    ]);
    expect(log).toContain('b1 start 0');
  });

  it('keeps going after a failed request and passes its error on', async () => {
    const time = virtualTime();
    const limiter = new HostRateLimiter(500, time.now, time.sleep);
    const failed = limiter.schedule('a', () => Promise.reject(new Error('boom')));
    const next = limiter.schedule('a', () => Promise.resolve(time.now()));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(500);
  });
});
