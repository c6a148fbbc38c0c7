import { describe, expect, it } from 'vitest';
import { deadLettersCsv } from './dead-letters-csv';

describe('deadLettersCsv', () => {
  it('keeps the payload as text, quoted and defused, with an ISO time', () => {
    const csv = deadLettersCsv([
      {
        topic: 'sensors/aq-1',
        sensorId: 'aq-1',
        code: 'INGEST_ERR_NOT_JSON',
        reason: 'the payload is not JSON',
        payloadExcerpt: '=cmd|"x",1',
        payloadBytes: 10,
        receivedAt: Date.UTC(2026, 10, 25, 12, 0, 0),
      },
      {
        topic: 'bad/topic',
        sensorId: null,
        code: 'INGEST_ERR_BAD_TOPIC',
        reason: 'bad topic',
        payloadExcerpt: '{}',
        payloadBytes: 2,
        receivedAt: Date.UTC(2026, 10, 25, 12, 0, 1),
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'received_at,sensor,topic,code,reason,payload_bytes,payload_excerpt',
      `2026-11-25T12:00:00.000Z,aq-1,sensors/aq-1,INGEST_ERR_NOT_JSON,the payload is not JSON,10,"'=cmd|""x"",1"`,
      '2026-11-25T12:00:01.000Z,,bad/topic,INGEST_ERR_BAD_TOPIC,bad topic,2,{}',
      '',
    ]);
  });
});
