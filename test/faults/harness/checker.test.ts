import { describe, expect, it } from 'vitest';
import { tally, type DeadLetterRow, type StoredPoint } from './checker.js';
import type { LedgerEntry } from './ledger.js';

const entry = (seq: number, valid = true): LedgerEntry => ({
  seq,
  sensorId: valid ? 'r-s0' : 'r-bad0',
  quantity: 'pm25',
  ts: 1000 + seq,
  value: valid ? seq : -1,
  valid,
  topic: 'x',
  payload: `{"pm25":${valid ? seq : -1},"ts":${1000 + seq}}`,
  ackedAt: 1,
});
const point = (e: LedgerEntry, value = e.value): StoredPoint => ({
  sensorId: e.sensorId,
  quantity: e.quantity,
  ts: e.ts,
  value,
});
const letter = (
  payloadExcerpt: string,
  code = 'INGEST_ERR_OUT_OF_RANGE',
  sensorId = 'r-bad0',
): DeadLetterRow => ({
  sensorId,
  code,
  reason: 'r',
  payloadExcerpt,
});

describe('tally', () => {
  it('counts stored, rejected with a reason, and nothing lost when all is accounted for', () => {
    const ledger = [entry(1), entry(2, false), entry(3)];
    expect(tally(ledger, [point(ledger[0]!), point(ledger[2]!)], [letter(ledger[1]!.payload)])).toMatchObject(
      {
        acknowledged: 3,
        stored: 2,
        rejected: 1,
        lost: 0,
        duplicates: 0,
        unexplained: 0,
      },
    );
  });

  it('counts as lost a missing point, a wrong value and an invalid reading without a dead letter', () => {
    const ledger = [entry(1), entry(2), entry(3, false)];
    const result = tally(ledger, [point(ledger[1]!, 99)], []);
    expect([result.stored, result.rejected, result.lost]).toEqual([0, 0, 3]);
  });

  it('counts duplicates across series and points no publish explains', () => {
    const ledger = [entry(1)];
    const stray: StoredPoint = { sensorId: 'r-s0', quantity: 'pm25', ts: 5, value: 1 };
    const result = tally(ledger, [point(ledger[0]!), point(ledger[0]!), stray], []);
    expect([result.stored, result.duplicates, result.unexplained]).toEqual([1, 1, 1]);
  });

  it('takes a store refusal naming the line as a rejection, and ignores readings never acknowledged', () => {
    const ledger = [entry(1), entry(2)];
    delete ledger[1]!.ackedAt; // published, PUBACK never arrived
    const refused = letter(
      `readings,sensor=r-s0 value=1 ${ledger[0]!.ts}`,
      'INGEST_ERR_STORE_REFUSED',
      'r-s0',
    );
    expect(tally(ledger, [point(ledger[1]!)], [refused])).toMatchObject({
      acknowledged: 1,
      rejected: 1,
      lost: 0,
      unexplained: 0,
    });
  });
});
