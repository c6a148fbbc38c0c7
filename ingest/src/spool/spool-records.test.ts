import { describe, expect, it } from 'vitest';
import type { DeadLetter, StoredReading } from '@ssc-monitor/core';
import {
  decodeSegment,
  encodeLetter,
  encodeReading,
  columnsOfItems,
  segmentOfColumns,
  type SpoolItem,
} from './spool-records.js';

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
    const body =
      encodeReading(reading, reading.district) +
      encodeLetter(letter) +
      encodeReading({ ...reading, value: -3 }, reading.district);
    expect(body.split('\n')).toHaveLength(4);
    expect(decodeSegment(body)).toEqual({
      readings: [reading, { ...reading, value: -3 }],
      letters: [letter],
      unreadable: 0,
    });
  });

  it('keeps ids with quotes and any finite number exactly as JSON would', () => {
    const odd = { ...reading, sensorId: 'a"b\\c:é', value: 1e-7, ts: 1_795_600_000_123 };
    const line = encodeReading(odd, 'north "x"');
    expect(line).toBe(`R${JSON.stringify([odd.sensorId, odd.quantity, odd.value, odd.ts, 'north "x"'])}\n`);
    expect(decodeSegment(line).readings).toEqual([{ ...odd, district: 'north "x"' }]);
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
    expect(decodeSegment(`${encodeReading(reading, reading.district)}${line}\n`)).toEqual({
      readings: [reading],
      letters: [],
      unreadable: 1,
    });
  });

  it('give from the items kept in memory what decoding their file gives', () => {
    const { district, ...plain } = reading;
    const items: SpoolItem[] = [
      { readings: [plain, { ...plain, quantity: 'pm25' as const, value: 0.1 }], district },
      { letter },
      { readings: [{ ...plain, value: -3 }], district: 'north "x"' },
    ];
    const body = items
      .map((item) =>
        'letter' in item
          ? encodeLetter(item.letter)
          : item.readings.map((r) => encodeReading(r, item.district)).join(''),
      )
      .join('');
    expect(segmentOfColumns(columnsOfItems(items))).toEqual(decodeSegment(body));
  });
});
