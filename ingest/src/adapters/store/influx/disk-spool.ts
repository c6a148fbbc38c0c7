import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** A batch waiting in the spool. */
export interface SpoolEntry {
  /** Position in the spool; batches are forwarded in this order. */
  readonly seq: number;
  /** Readings (lines) in the batch. */
  readonly count: number;
}

/**
 * `<seq>-<count>.lp`: the count is in the name so that opening a large backlog lists the folder
 * without reading every batch; the zero-padded seq makes name order forwarding order.
 */
const SEGMENT = /^(\d{16})-(\d+)\.lp$/;
const TEMP_SUFFIX = '.tmp';

const segmentName = (entry: SpoolEntry): string => `${String(entry.seq).padStart(16, '0')}-${entry.count}.lp`;

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
export class DiskSpool {
  readonly #dir: string;
  readonly #entries: SpoolEntry[] = [];
  #nextSeq = 0;
  #pending = 0;
  /** Appends run one at a time, so batches become visible strictly in seq (call) order. */
  #appending: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Creates the folder if needed, drops torn temporary files and lists what an earlier run left. */
  async open(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const found: SpoolEntry[] = [];
    for (const name of await readdir(this.#dir)) {
      if (name.endsWith(TEMP_SUFFIX)) {
        await unlink(join(this.#dir, name));
        continue;
      }
      const match = SEGMENT.exec(name);
      if (match !== null) found.push({ seq: Number(match[1]), count: Number(match[2]) });
    }
    found.sort((a, b) => a.seq - b.seq);
    this.#entries.splice(0, this.#entries.length, ...found);
    this.#pending = found.reduce((sum, entry) => sum + entry.count, 0);
    this.#nextSeq = (found.at(-1)?.seq ?? -1) + 1;
  }

  /**
   * Durably appends a batch; resolves once it is on disk. Batches are queued in call order: a
   * later rewrite of a point can never overtake an earlier one.
   */
  append(body: string, count: number): Promise<SpoolEntry> {
    const entry: SpoolEntry = { seq: this.#nextSeq, count };
    this.#nextSeq += 1;
    const appended = this.#appending.then(() => this.#write(entry, body));
    this.#appending = appended.catch(() => undefined);
    return appended;
  }

  async #write(entry: SpoolEntry, body: string): Promise<SpoolEntry> {
    const path = join(this.#dir, segmentName(entry));
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
      throw error;
    }
    // Listed before the folder sync: the file is whole, so forwarding it is right even if the
    // sync fails and the caller is told the write may not have been durable.
    this.#entries.push(entry);
    this.#pending += entry.count;
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

  read(entry: SpoolEntry): Promise<string> {
    return readFile(join(this.#dir, segmentName(entry)), 'utf8');
  }

  /**
   * Deletes an acknowledged (or rejected) batch. The folder is not fsynced here: if a crash
   * resurrects the segment, it is sent again, and InfluxDB overwrites the identical points.
   */
  async remove(entry: SpoolEntry): Promise<void> {
    await unlink(join(this.#dir, segmentName(entry))).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
    const index = this.#entries.findIndex((e) => e.seq === entry.seq);
    if (index >= 0) {
      this.#entries.splice(index, 1);
      this.#pending -= entry.count;
    }
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
