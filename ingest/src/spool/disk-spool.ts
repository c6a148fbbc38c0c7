import { mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** A batch waiting in the spool. */
export interface SpoolEntry {
  /** Position in the spool; batches are forwarded in this order. */
  readonly seq: number;
  /** Readings (lines) in the batch. */
  readonly count: number;
  /** Size of the segment file in bytes. */
  readonly bytes: number;
}

export interface DiskSpoolOptions {
  /**
   * File name extension of the segments, so that spools of different formats never mix.
   * @defaultValue 'lp'
   */
  readonly extension?: string;
  /**
   * Segments written at the same time. Concurrent fsyncs share the file system's journal commits,
   * so on a busy disk four cost little more than one; segments are still listed (and forwarded)
   * strictly in seq order.
   * @defaultValue 1
   */
  readonly concurrency?: number;
  /**
   * Records whose memo (what the appender passed beside the body) is kept in memory until their
   * segment is removed, so that forwarding them does not read the file back. Beyond it a segment
   * is read from disk, as after a restart.
   * @defaultValue 0 (no memo)
   */
  readonly memoRecords?: number;
}

/**
 * `<seq>-<count>.lp`: the count is in the name so that opening a large backlog lists the folder
 * without reading every batch; the zero-padded seq makes name order forwarding order.
 */
const segmentPattern = (extension: string): RegExp => new RegExp(`^(\\d{16})-(\\d+)\\.${extension}$`);
const TEMP_SUFFIX = '.tmp';

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * An on-disk queue of line-protocol batches, one segment file per batch. A segment is written to a
 * temporary name, fsynced, then renamed and the folder fsynced, so after a crash a segment is
 * either whole or absent: a torn write can only leave a `.tmp` file, which `open()` deletes. A
 * batch leaves the spool (`remove`) only once InfluxDB has acknowledged it.
 */
export class DiskSpool<Memo = never> {
  readonly #dir: string;
  readonly #extension: string;
  readonly #entries: SpoolEntry[] = [];
  #nextSeq = 0;
  #pending = 0;
  #bytes = 0;
  readonly #concurrency: number;
  #writing = 0;
  /** Appends waiting for a write slot, in call (seq) order. */
  readonly #slots: (() => void)[] = [];
  /** Written (or failed: null) segments not yet listed because an earlier one is still being written. */
  readonly #done = new Map<number, SpoolEntry | null>();
  #nextListed = 0;
  /** Memos of listed segments by seq (only segments written in this run). */
  readonly #memos = new Map<number, { readonly memo: Memo; readonly count: number }>();
  #memoRecords = 0;
  readonly #maxMemoRecords: number;

  constructor(dir: string, options: DiskSpoolOptions = {}) {
    this.#dir = dir;
    this.#extension = options.extension ?? 'lp';
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.#maxMemoRecords = options.memoRecords ?? 0;
  }

  #segmentName(entry: Pick<SpoolEntry, 'seq' | 'count'>): string {
    return `${String(entry.seq).padStart(16, '0')}-${entry.count}.${this.#extension}`;
  }

  /** Creates the folder if needed, drops torn temporary files and lists what an earlier run left. */
  async open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const found: SpoolEntry[] = [];
    const segment = segmentPattern(this.#extension);
    for (const name of await readdir(this.#dir)) {
      if (name.endsWith(TEMP_SUFFIX)) {
        await unlink(join(this.#dir, name));
        continue;
      }
      const match = segment.exec(name);
      if (match === null) continue;
      const { size } = await stat(join(this.#dir, name));
      found.push({ seq: Number(match[1]), count: Number(match[2]), bytes: size });
    }
    found.sort((a, b) => a.seq - b.seq);
    this.#entries.splice(0, this.#entries.length, ...found);
    this.#pending = found.reduce((sum, entry) => sum + entry.count, 0);
    this.#bytes = found.reduce((sum, entry) => sum + entry.bytes, 0);
    this.#nextSeq = (found.at(-1)?.seq ?? -1) + 1;
    this.#nextListed = this.#nextSeq;
  }

  /**
   * Durably appends a batch; resolves once it is on disk. Batches are listed in call order: a
   * later rewrite of a point can never overtake an earlier one.
   */
  async append(body: string, count: number, memo?: Memo): Promise<SpoolEntry> {
    const entry: SpoolEntry = { seq: this.#nextSeq, count, bytes: Buffer.byteLength(body, 'utf8') };
    this.#nextSeq += 1;
    if (this.#writing >= this.#concurrency) await new Promise<void>((resolve) => this.#slots.push(resolve));
    this.#writing += 1;
    try {
      return await this.#write(entry, body, memo);
    } finally {
      this.#writing -= 1;
      this.#slots.shift()?.();
    }
  }

  /** Lists written segments in seq order; a failed one (null) is skipped. */
  #settle(seq: number, entry: SpoolEntry | null): void {
    this.#done.set(seq, entry);
    while (this.#done.has(this.#nextListed)) {
      const next = this.#done.get(this.#nextListed);
      this.#done.delete(this.#nextListed);
      this.#nextListed += 1;
      if (!next) continue;
      this.#entries.push(next);
      this.#pending += next.count;
      this.#bytes += next.bytes;
    }
  }

  async #write(entry: SpoolEntry, body: string, memo: Memo | undefined): Promise<SpoolEntry> {
    const path = join(this.#dir, this.#segmentName(entry));
    const temp = `${path}${TEMP_SUFFIX}`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(body, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      this.#settle(entry.seq, null);
      throw error;
    }
    if (memo !== undefined && this.#memoRecords + entry.count <= this.#maxMemoRecords) {
      this.#memos.set(entry.seq, { memo, count: entry.count });
      this.#memoRecords += entry.count;
    }
    // Listed before the folder sync: the file is whole, so forwarding it is right even if the
    // sync fails and the caller is told the write may not have been durable.
    this.#settle(entry.seq, entry);
    await syncDirectory(this.#dir);
    return entry;
  }

  /** Seq of the newest batch appended (or being appended); -1 for none. */
  get lastSeq(): number {
    return this.#nextSeq - 1;
  }

  /** The oldest batch not yet removed. */
  first(): SpoolEntry | undefined {
    return this.#entries[0];
  }

  has(seq: number): boolean {
    return this.#entries.some((entry) => entry.seq === seq);
  }

  /** What the appender passed beside the body of a segment still in the spool, if kept. */
  memo(entry: SpoolEntry): Memo | undefined {
    return this.#memos.get(entry.seq)?.memo;
  }

  read(entry: SpoolEntry): Promise<string> {
    return readFile(join(this.#dir, this.#segmentName(entry)), 'utf8');
  }

  /**
   * Deletes an acknowledged (or rejected) batch. The folder is not fsynced here: if a crash
   * resurrects the segment, it is sent again, and InfluxDB overwrites the identical points.
   */
  async remove(entry: SpoolEntry): Promise<void> {
    await unlink(join(this.#dir, this.#segmentName(entry))).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
    const memo = this.#memos.get(entry.seq);
    if (memo !== undefined) {
      this.#memos.delete(entry.seq);
      this.#memoRecords -= memo.count;
    }
    const index = this.#entries.findIndex((e) => e.seq === entry.seq);
    if (index >= 0) {
      this.#entries.splice(index, 1);
      this.#pending -= entry.count;
      this.#bytes -= entry.bytes;
    }
  }

  /** The oldest batches not yet removed, at most `max`, in forwarding order. */
  head(max: number): readonly SpoolEntry[] {
    return this.#entries.slice(0, max);
  }

  /** Bytes of the segments spooled and not yet removed. */
  bytes(): number {
    return this.#bytes;
  }

  /** Readings spooled and not yet removed. */
  pending(): number {
    return this.#pending;
  }

  /** Batches spooled and not yet removed. */
  batches(): number {
    return this.#entries.length;
  }
}
