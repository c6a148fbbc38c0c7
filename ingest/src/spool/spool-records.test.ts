import { describe, expect, it } from 'vitest';
import type { DeadLetter, StoredReading } from '@ssc-monitor/core';
import { decodeSegment, encodeLetter, encodeReading } from './spool-records.js';

const reading: StoredReading = {
  sensorId: 'aq-1',
  quantity: 'no2',
  value: 41.8,
  ts: 1_795_600_000_000,
  district: 'old-town',
};
const letter: DeadLetter = {
  topic: 'sensors/aq-1',
  sensorId: 'aq-1',
  code: 'INGEST_ERR_NOT_JSON',
  reason: 'not JSON',
  payloadExcerpt: 'pm25=\n"oops"',
  payloadBytes: 11,
  receivedAt: 1_795_600_001_000,
};

describe('spool records', () => {
  it('read back what was written, one line per record', () => {
    const body = encodeReading(reading) + encodeLetter(letter) + encodeReading({ ...reading, value: -3 });
    expect(body.split('\n')).toHaveLength(4);
    expect(decodeSegment(body)).toEqual({
      readings: [reading, { ...reading, value: -3 }],
      letters: [letter],
      unreadable: 0,
    });
  });

  it.each([
    ['a torn line', 'R["aq-1","no2",41'],
    ['an unknown quantity', 'R["aq-1","radon",1,2,"d"]'],
    ['a reading with a string value', 'R["aq-1","no2","1",2,"d"]'],
    [
      'a letter with an unknown code',
      'D{"topic":"t","sensorId":null,"code":"NOPE","reason":"r","payloadExcerpt":"","payloadBytes":0,"receivedAt":1}',
    ],
    ['an unknown record kind', 'X[]'],
  ])('count %s as unreadable instead of failing', (_what, line) => {
    expect(decodeSegment(`${encodeReading(reading)}${line}\n`)).toEqual({
      readings: [reading],
      letters: [],
      unreadable: 1,
    });
  });
});
