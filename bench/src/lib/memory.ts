import { readFile } from 'node:fs/promises';

/** Resident set size of a process in MB, from /proc/<pid>/status (Linux); undefined once it has gone. */
export async function rssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) / 102.4) / 10;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) in MB: what the process needed at its worst, not just at the end. */
export async function peakRssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? undefined : Math.round(Number(match[1]) / 102.4) / 10;
  } catch {
    return undefined;
  }
}

export const toMb = (bytes: number): number => Math.round(bytes / 104_857.6) / 10;

/** The memory row of one process at the end of a scenario. */
export interface MemoryFigures {
  readonly process: string;
  readonly rss_mb?: number;
  readonly peak_rss_mb?: number;
  readonly heap_used_mb?: number;
}

/** This (load-generating) process's own memory. */
export async function ownMemory(): Promise<MemoryFigures> {
  const usage = process.memoryUsage();
  return {
    process: 'bench (load generator)',
    rss_mb: toMb(usage.rss),
    peak_rss_mb: await peakRssMb(process.pid),
    heap_used_mb: toMb(usage.heapUsed),
  };
}
