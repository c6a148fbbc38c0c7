import { SYSTEM_CLOCK, type Clock } from '@ssc-monitor/core';
import type { Publisher } from '../publish/publisher.js';
import { BoundedSender } from '../run/bounded-sender.js';
import type { OutgoingMessage } from '../scenarios/payloads.js';
import type { CsvRecord } from './csv-reader.js';
import type { ReplayMapping } from './mapping.js';
import { bindMapping, type RowMessage, type RowReader } from './row-reader.js';

export interface ReplayOptions {
  /** The file's records, header first. */
  readonly rows: AsyncIterable<CsvRecord>;
  readonly mapping: ReplayMapping;
  /** Started by the caller; not stopped here. */
  readonly publisher: Publisher;
  /** Data time per wall time; 0 or absent publishes as fast as the broker takes it. */
  readonly speed?: number;
  /** Only rows with from ≤ time < to, epoch ms. */
  readonly from?: number;
  readonly to?: number;
  /** @defaultValue 1000 */
  readonly maxInFlight?: number;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  /** Called after each published row. */
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayProgress {
  readonly rows: number;
  readonly published: number;
  readonly failed: number;
  /** Data time of the last row published, epoch ms. */
  readonly current: number | undefined;
  readonly wallMs: number;
}

export interface ReplaySummary extends ReplayProgress {
  /** Data rows outside --from/--to. */
  readonly outside: number;
  /** Rows whose time could not be read, and the first such problem. */
  readonly badRows: number;
  readonly firstProblem: string | undefined;
  /** Cells without a value (empty, NA), left out of their message. */
  readonly missingValues: number;
  /** Data time of the first row published. */
  readonly first: number | undefined;
  readonly stopped: boolean;
}

/** A plain JSON reading with the file's time; values in another unit carry it, for the ingest to convert. */
export function encodeReplayMessage(message: RowMessage): OutgoingMessage {
  const body: Record<string, unknown> = {};
  for (const { quantity, value, unit } of message.values)
    body[quantity] = unit === undefined ? value : { value, unit };
  body.ts = new Date(message.ts).toISOString();
  return { sensorId: message.sensorId, payload: JSON.stringify(body) };
}

const wait = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

interface Tally {
  rows: number;
  outside: number;
  badRows: number;
  missingValues: number;
  first: number | undefined;
  current: number | undefined;
  firstProblem: string | undefined;
}

interface Context {
  readonly o: ReplayOptions;
  readonly t: Tally;
  readonly sender: BoundedSender;
  readonly clock: Clock;
  readonly wallStart: number;
}

/** Publishes one data row, paced when a speed is set; false when the row is skipped. */
async function publishRow({ o, t, sender, clock, wallStart }: Context, record: CsvRecord, reader: RowReader) {
  const row = reader.read(record.fields);
  if (!row.ok) {
    t.badRows += 1;
    t.firstProblem ??= `line ${record.line}: ${row.problem}`;
    return false;
  }
  if ((o.from !== undefined && row.ts < o.from) || (o.to !== undefined && row.ts >= o.to)) {
    t.outside += 1;
    return false;
  }
  t.first ??= row.ts;
  if (o.speed !== undefined && o.speed > 0) {
    const due = wallStart + (row.ts - t.first) / o.speed - clock.now();
    if (due > 0) await wait(due, o.signal);
  }
  t.rows += 1;
  t.missingValues += row.missing;
  t.current = row.ts;
  await sender.send(row.messages.map(encodeReplayMessage));
  return true;
}

/**
 * Republishes a dataset as sensor readings with the times the file gives, row by row: paced at
 * `speed` times the data's own pace, or as fast as the broker takes it (in-flight bounded).
 * Rows whose time cannot be read are counted and skipped; a missing column fails at the header.
 */
export async function runReplay(o: ReplayOptions): Promise<ReplaySummary> {
  const clock = o.clock ?? SYSTEM_CLOCK;
  const sender = new BoundedSender(o.publisher, o.maxInFlight ?? 1000);
  const wallStart = clock.now();
  const t: Tally = {
    rows: 0,
    outside: 0,
    badRows: 0,
    missingValues: 0,
    first: undefined,
    current: undefined,
    firstProblem: undefined,
  };
  const progress = (): ReplayProgress => ({
    rows: t.rows,
    published: sender.published,
    failed: sender.failed,
    current: t.current,
    wallMs: clock.now() - wallStart,
  });
  const context: Context = { o, t, sender, clock, wallStart };
  let reader: RowReader | undefined;
  for await (const record of o.rows) {
    if (o.signal?.aborted) break;
    if (reader === undefined) reader = bindMapping(o.mapping, record.fields);
    else if (await publishRow(context, record, reader)) o.onProgress?.(progress());
  }
  await sender.drain();
  return { ...t, ...progress(), stopped: o.signal?.aborted === true };
}
