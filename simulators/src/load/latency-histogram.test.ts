import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.js';

describe('LatencyHistogram', () => {
  it('gives quantiles within its 2 % bucket width', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 10_000; i += 1) h.record(i / 100);
    expect(Math.abs((h.quantile(0.5) ?? 0) / 50 - 1)).toBeLessThan(0.02);
    expect(Math.abs((h.quantile(0.99) ?? 0) / 99 - 1)).toBeLessThan(0.02);
    expect(h.summary()).toMatchObject({ max: 100, mean: 50.005 });
  });

  it('never reports above the largest sample, and nothing without samples', () => {
    const h = new LatencyHistogram();
    expect(h.summary()).toBeUndefined();
    h.record(3);
    expect(h.quantile(1)).toBe(3);
    h.record(0);
    expect(h.quantile(0.01)).toBeLessThan(0.002);
  });

  it('merges and resets', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.record(1);
    b.record(9);
    b.record(9);
    a.merge(b);
    expect(a.count).toBe(3);
    expect(Math.abs((a.quantile(0.5) ?? 0) / 9 - 1)).toBeLessThan(0.02);
    a.reset();
    expect(a.count).toBe(0);
  });
});
