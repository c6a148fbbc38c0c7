import type { DeadLetter } from '@ssc-monitor/core';
import { isoTime, toCsv } from '../../../lib/export/csv';

/** Rejected messages for a spreadsheet or a bug report: when, from where, why, and what was sent. */
export function deadLettersCsv(letters: readonly DeadLetter[]): string {
  return toCsv(
    [
      { header: 'received_at', value: (l: DeadLetter) => isoTime(l.receivedAt) },
      { header: 'sensor', value: (l) => l.sensorId },
      { header: 'topic', value: (l) => l.topic },
      { header: 'code', value: (l) => l.code },
      { header: 'reason', value: (l) => l.reason },
      { header: 'payload_bytes', value: (l) => l.payloadBytes },
      { header: 'payload_excerpt', value: (l) => l.payloadExcerpt },
    ],
    letters,
  );
}
