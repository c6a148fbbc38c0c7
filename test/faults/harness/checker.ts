import type { LedgerEntry } from './ledger.js';

/** One stored raw point of this run. */
export interface StoredPoint {
  readonly sensorId: string;
  readonly quantity: string;
  readonly ts: number;
  readonly value: number;
}

/** One dead letter of this run, as GET /api/dead-letters lists it. */
export interface DeadLetterRow {
  readonly sensorId: string | null;
  readonly code: string;
  readonly reason: string;
  readonly payloadExcerpt: string;
}

/** acknowledged = stored + rejected + lost; lost, duplicates and unexplained must all be 0. */
export interface Tally {
  readonly acknowledged: number;
  readonly stored: number;
  readonly rejected: number;
  readonly lost: number;
  readonly duplicates: number;
  /** Stored points of this run that no publish explains (not even an unacknowledged one). */
  readonly unexplained: number;
  /** A few lost identities, for failure messages. */
  readonly lostSample: readonly string[];
  /** When each lost reading was acknowledged (epoch ms), to tell when the loss happened. */
  readonly lostAckedAt: readonly number[];
}

const key = (sensorId: string, quantity: string, ts: number): string =>
  `${sensorId}\u0000${quantity}\u0000${ts}`;

/** The ms timestamp at the end of a line-protocol line, which the store's refusal dead letter keeps. */
function lineTimestamp(excerpt: string): number | undefined {
  const last = excerpt.trim().split(' ').at(-1);
  return last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
}

/**
 * Compares the ledger with what the store holds and what was dead-lettered. A valid reading is
 * stored when exactly its value is at its identity, or rejected when the store refused its line
 * (a dead letter with a reason code naming its timestamp); an invalid one is rejected when a dead
 * letter holds its payload. Everything else acknowledged is lost.
 */
export function tally(
  published: readonly LedgerEntry[],
  points: readonly StoredPoint[],
  letters: readonly DeadLetterRow[],
  acknowledgedBefore = Infinity,
): Tally {
  const stored = new Map<string, number[]>();
  for (const point of points) {
    const k = key(point.sensorId, point.quantity, point.ts);
    stored.set(k, [...(stored.get(k) ?? []), point.value]);
  }
  const payloads = new Set(letters.filter((l) => l.code !== '').map((l) => l.payloadExcerpt));
  const refused = new Set(
    letters
      .filter((l) => l.code === 'INGEST_ERR_STORE_REFUSED')
      .map((l) => `${l.sensorId}@${lineTimestamp(l.payloadExcerpt)}`),
  );
  let [acknowledged, kept, rejected, duplicates] = [0, 0, 0, 0];
  const lost: string[] = [];
  const lostAckedAt: number[] = [];
  for (const entry of published) {
    const values = stored.get(key(entry.sensorId, entry.quantity, entry.ts));
    if (values !== undefined) duplicates += values.length - 1;
    if (entry.ackedAt === undefined || entry.ackedAt > acknowledgedBefore) continue;
    acknowledged += 1;
    if (!entry.valid) {
      if (payloads.has(entry.payload)) rejected += 1;
      else {
        lost.push(`${entry.sensorId}@${entry.ts} (invalid, no dead letter)`);
        lostAckedAt.push(entry.ackedAt);
      }
    } else if (values?.includes(entry.value)) kept += 1;
    else if (refused.has(`${entry.sensorId}@${entry.ts}`)) rejected += 1;
    else {
      lost.push(`${entry.sensorId}@${entry.ts}`);
      lostAckedAt.push(entry.ackedAt);
    }
  }
  const explained = new Set(published.map((e) => key(e.sensorId, e.quantity, e.ts)));
  const unexplained = [...stored.keys()].filter((k) => !explained.has(k)).length;
  return {
    acknowledged,
    stored: kept,
    rejected,
    lost: lost.length,
    duplicates,
    unexplained,
    lostSample: lost.slice(0, 5),
    lostAckedAt,
  };
}
