import { mkdir, statfs } from 'node:fs/promises';

/** Share of the free disk space the spool may take when SPOOL_MAX_BYTES is not set. */
export const DEFAULT_SPOOL_DISK_SHARE = 0.25;
/** Floor of the default, so that a nearly full disk still buffers a short store outage. */
const MIN_DEFAULT_BYTES = 64 * 1024 * 1024;

/** SPOOL_MAX_BYTES, or a quarter of the free space where the spool lives (at least 64 MiB). */
export async function resolveSpoolMaxBytes(dir: string, configured: number | undefined): Promise<number> {
  if (configured !== undefined) return configured;
  await mkdir(dir, { recursive: true });
  const fs = await statfs(dir);
  return Math.max(MIN_DEFAULT_BYTES, Math.floor(fs.bavail * fs.bsize * DEFAULT_SPOOL_DISK_SHARE));
}
