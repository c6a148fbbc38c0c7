import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '@ssc-monitor/core';
import { findBursts } from './bursts';

const SECOND = 1000;
const rule = { count: 10, windowMs: 60 * SECOND };

function letter(
  receivedAt: number,
  sensorId: string | null = 'aq-1',
  code = 'INGEST_ERR_NOT_JSON',
): DeadLetter {
  return {
    topic: `sensors/${sensorId ?? '#bad'}`,
    sensorId,
    code: code as DeadLetter['code'],
    reason: 'not JSON',
    payloadExcerpt: 'x',
    payloadBytes: 1,
    receivedAt,
  };
}

/** `n` letters `every` ms apart from `start`. */
const run = (n: number, start: number, every: number, sensorId?: string | null) =>
  Array.from({ length: n }, (_, i) => letter(start + i * every, sensorId));

describe('findBursts', () => {
  it('finds none below the threshold, or when the messages are spread out', () => {
    expect(findBursts(run(9, 0, SECOND), 10 * SECOND, rule)).toEqual([]);
    // Ten messages, but the first has left the 60 s window when the tenth arrives.
    expect(findBursts(run(10, 0, 6.7 * SECOND), 100 * SECOND, rule)).toEqual([]);
    expect(findBursts([], 0, rule)).toEqual([]);
  });

  it('starts a burst at the message that reaches the threshold and ends it when the window drops below', () => {
    const [burst, ...rest] = findBursts(run(12, 0, SECOND), 200 * SECOND, rule);
    expect(rest).toEqual([]);
    // The 10th message arrives at 9 s; the 3rd of 12 leaves the window at 2 s + 60 s.
    expect(burst).toMatchObject({ start: 9 * SECOND, end: 62 * SECOND, count: 12 });
  });

  it('reports a burst still running as open', () => {
    const [burst] = findBursts(run(10, 0, SECOND), 30 * SECOND, rule);
    expect(burst?.end).toBeNull();
  });

  it('treats a steady stream as one burst and a gap as two', () => {
    const steady = run(40, 0, 2 * SECOND);
    expect(findBursts(steady, 500 * SECOND, rule)).toHaveLength(1);
    const twice = [...run(10, 0, SECOND), ...run(10, 300 * SECOND, SECOND)];
    const bursts = findBursts(twice, 1000 * SECOND, rule);
    expect(bursts.map((b) => [b.start, b.count])).toEqual([
      [9 * SECOND, 10],
      [309 * SECOND, 10],
    ]);
  });

  it('names the sources and codes, most frequent first, whatever the input order', () => {
    const letters = [
      ...run(6, 0, SECOND, 'noise-1'),
      ...run(3, 100, SECOND, 'aq-1'),
      letter(500, null, 'INGEST_ERR_BAD_TOPIC'),
    ].reverse();
    const [burst] = findBursts(letters, 10 * SECOND, rule);
    expect(burst?.sources).toEqual(['noise-1', 'aq-1', 'sensors/#bad']);
    expect(burst?.codes).toEqual([
      ['INGEST_ERR_NOT_JSON', 9],
      ['INGEST_ERR_BAD_TOPIC', 1],
    ]);
  });
});
