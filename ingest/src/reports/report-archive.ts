import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchivedReport } from '@ssc-monitor/core';

/** Archive file names: the report id, the UTC minute, and a counter when a minute has several. */
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/;

function stamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace(/:/g, '') + 'Z';
}

function isArchivedReport(value: unknown): value is ArchivedReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.file === 'string' &&
    typeof r.reportId === 'string' &&
    typeof r.createdAt === 'number' &&
    typeof r.bytes === 'number' &&
    typeof r.planVersion === 'number'
  );
}

/**
 * Rendered reports under one folder (DATA_DIR/reports): each PDF beside a JSON file with its
 * metadata. Written to a temporary name and renamed, so a half-written PDF is never listed.
 */
export class ReportArchive {
  constructor(readonly dir: string) {}

  /** A temporary path to render into before `keep`. */
  async scratchPath(reportId: string, at: number): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return join(this.dir, `.${reportId}-${at}-${process.pid}.pdf.part`);
  }

  /** Moves a rendered PDF into the archive with its metadata. */
  async keep(scratch: string, meta: Omit<ArchivedReport, 'file' | 'bytes'>): Promise<ArchivedReport> {
    const { size } = await stat(scratch);
    const base = `${meta.reportId}-${stamp(meta.createdAt)}`;
    const taken = new Set(await readdir(this.dir));
    let file = `${base}.pdf`;
    for (let n = 2; taken.has(file); n += 1) file = `${base}-${n}.pdf`;
    const report: ArchivedReport = { ...meta, file, bytes: size };
    await writeFile(join(this.dir, `${file}.json`), JSON.stringify(report, null, 2));
    await rename(scratch, join(this.dir, file));
    return report;
  }

  /** Every archived report, newest first; unreadable metadata files are skipped. */
  async list(): Promise<ArchivedReport[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const pdfs = new Set(names.filter((n) => FILE.test(n)));
    const reports: ArchivedReport[] = [];
    for (const name of names) {
      if (!name.endsWith('.pdf.json') || !pdfs.has(name.slice(0, -5))) continue;
      const meta = await this.#meta(name.slice(0, -5));
      if (meta !== undefined) reports.push(meta);
    }
    return reports.sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
  }

  /** A report's PDF and metadata; undefined for a name that is not an archived report. */
  async read(file: string): Promise<{ report: ArchivedReport; bytes: Uint8Array } | undefined> {
    // The name comes from a URL: only plain archive names, never a path.
    if (!FILE.test(file)) return undefined;
    const report = await this.#meta(file);
    if (report === undefined) return undefined;
    try {
      return { report, bytes: await readFile(join(this.dir, file)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async #meta(file: string): Promise<ArchivedReport | undefined> {
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dir, `${file}.json`), 'utf8'));
      return isArchivedReport(parsed) && parsed.file === file ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
}
