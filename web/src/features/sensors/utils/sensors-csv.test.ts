import { describe, expect, it } from 'vitest';
import { sensorState } from '../../../test-support/fixtures';
import { sensorsCsv } from './sensors-csv';

describe('sensorsCsv', () => {
  it('writes one row per sensor with a value and time column per quantity', () => {
    const at = Date.UTC(2026, 10, 25, 12, 0, 0);
    const csv = sensorsCsv(
      [
        sensorState({ latest: { pm25: { value: 12.3, ts: at } } }),
        sensorState({
          id: 'noise-1',
          district: 'x',
          lastSeen: null,
          messages: 0,
          errors: 0,
          latest: { noise_laeq: { value: 61, ts: at } },
        }),
      ],
      new Map([['centre', 'Old Town, Centre']]),
    );
    expect(csv.split('\r\n')).toEqual([
      'sensor,district_id,district,last_seen,messages,rejected,noise_laeq [dB(A)],noise_laeq_at,pm25 [µg/m³],pm25_at',
      'aq-centre-1,centre,"Old Town, Centre",2026-11-25T12:00:00.000Z,1200,3,,,12.3,2026-11-25T12:00:00.000Z',
      'noise-1,x,x,,0,0,61,2026-11-25T12:00:00.000Z,,',
      '',
    ]);
  });
});
