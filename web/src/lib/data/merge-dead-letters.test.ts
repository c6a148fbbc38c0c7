import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '@ssc-monitor/core';
import { mergeDeadLetters } from './merge-dead-letters';

const letter = (receivedAt: number, topic = 'city/sensors/aq-1/data'): DeadLetter => ({
  topic,
  sensorId: 'aq-1',
  code: 'INGEST_ERR_NOT_JSON',
  reason: 'The payload is not JSON.',
  payloadExcerpt: 'hello',
  payloadBytes: 5,
  receivedAt,
});

describe('mergeDeadLetters', () => {
  it('puts the newest first and drops letters seen both live and fetched', () => {
    const merged = mergeDeadLetters([letter(30), letter(20)], [letter(20), letter(10)], 10);
    expect(merged.map((l) => l.receivedAt)).toEqual([30, 20, 10]);
  });

  it('keeps distinct letters received in the same millisecond', () => {
    expect(mergeDeadLetters([letter(5, 'a')], [letter(5, 'b')], 10)).toHaveLength(2);
  });

  it('keeps identical letters of one millisecond as many times as either list has them', () => {
    expect(mergeDeadLetters([letter(5), letter(5), letter(5)], [letter(5), letter(5)], 10)).toHaveLength(3);
    expect(mergeDeadLetters([letter(5)], [letter(5), letter(5)], 10)).toHaveLength(2);
  });

  it('keeps at most the limit', () => {
    expect(mergeDeadLetters([letter(3), letter(2)], [letter(1)], 2).map((l) => l.receivedAt)).toEqual([3, 2]);
  });
});
