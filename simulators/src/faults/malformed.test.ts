import { DEFAULT_MAX_PAYLOAD_BYTES, parseSensorMessage, QUANTITY_IDS } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { EXPECTED_REJECTIONS, malformedPayload, MALFORMED_SHAPES } from './malformed.js';

const T = Date.UTC(2026, 10, 25, 10);

function parse(payload: string | Uint8Array) {
  return parseSensorMessage(
    {
      topic: 'sensors/aq-1',
      payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
      receivedAt: T,
    },
    { topicPrefix: '', maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES },
  );
}

describe('the malformed payload corpus', () => {
  it.each(MALFORMED_SHAPES)('%s is refused by the ingest with its expected code', (shape) => {
    for (const quantity of QUANTITY_IDS) {
      const result = parse(malformedPayload(shape, { quantity, value: 12.5, t: T }));
      expect(result.ok ? 'accepted' : result.rejection.code).toBe(EXPECTED_REJECTIONS[shape]);
    }
  });

  it('is built from the reading, so a valid payload of the same reading is accepted', () => {
    expect(parse(JSON.stringify({ pm25: 12.5, ts: new Date(T).toISOString() })).ok).toBe(true);
  });
});
