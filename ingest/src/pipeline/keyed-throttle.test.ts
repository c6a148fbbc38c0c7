import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedThrottle } from './keyed-throttle.js';

const INTERVAL = 100;

let sent: Array<{ key: string; at: number }>;
let throttle: KeyedThrottle;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  sent = [];
  throttle = new KeyedThrottle((key) => sent.push({ key, at: Date.now() }), INTERVAL);
});

afterEach(() => {
  vi.useRealTimers();
});

const at = (offset: number) => 1_000_000 + offset;

describe('KeyedThrottle', () => {
  it('sends a key not sent within the interval at once (leading edge)', () => {
    throttle.mark('a');
    expect(sent).toEqual([{ key: 'a', at: at(0) }]);
    vi.advanceTimersByTime(INTERVAL);
    throttle.mark('a');
    expect(sent).toEqual([
      { key: 'a', at: at(0) },
      { key: 'a', at: at(INTERVAL) },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('coalesces the marks that follow within the interval into one send when it ends (trailing edge)', () => {
    throttle.mark('a');
    vi.advanceTimersByTime(10);
    throttle.mark('a');
    vi.advanceTimersByTime(30);
    throttle.mark('a');
    throttle.mark('a');
    vi.advanceTimersByTime(59);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      { key: 'a', at: at(0) },
      { key: 'a', at: at(100) },
    ]);
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(sent).toHaveLength(2);
  });

  it('throttles each key on its own clock', () => {
    throttle.mark('a');
    vi.advanceTimersByTime(50);
    throttle.mark('b');
    throttle.mark('a');
    vi.advanceTimersByTime(20);
    throttle.mark('b');
    vi.advanceTimersByTime(30);
    expect(sent.map((s) => [s.key, s.at - at(0)])).toEqual([
      ['a', 0],
      ['b', 50],
      ['a', 100],
    ]);
    vi.advanceTimersByTime(50);
    expect(sent.map((s) => [s.key, s.at - at(0)])).toEqual([
      ['a', 0],
      ['b', 50],
      ['a', 100],
      ['b', 150],
    ]);
  });

  it('never sends a key marked continuously more than once per interval', () => {
    for (let t = 0; t < 1000; t += 7) {
      throttle.mark('busy');
      vi.advanceTimersByTime(7);
    }
    vi.advanceTimersByTime(INTERVAL);
    const gaps = sent.slice(1).map((s, i) => s.at - (sent[i]?.at ?? 0));
    expect(gaps.every((gap) => gap >= INTERVAL)).toBe(true);
    // Each interval still carries the newest change: no send is ever more than one interval late.
    expect(gaps.every((gap) => gap <= INTERVAL + 7)).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(9);
  });

  it('flush sends every waiting key now and leaves no timer', () => {
    throttle.mark('a');
    throttle.mark('b');
    throttle.mark('a');
    throttle.mark('b');
    expect(throttle.waiting).toBe(2);
    throttle.flush();
    expect(sent.map((s) => s.key)).toEqual(['a', 'b', 'a', 'b']);
    expect(throttle.waiting).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
