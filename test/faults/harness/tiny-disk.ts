import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A mounted tmpfs of a few hundred kB, or why there cannot be one here. */
export type TinyDisk =
  { readonly ok: true; unmount(): Promise<void> } | { readonly ok: false; readonly reason: string };

/**
 * Mounts a tmpfs of `bytes` on `dir`, so that writes there fail with ENOSPC as on a full disk.
 * Needs root (or CAP_SYS_ADMIN); elsewhere the caller skips and prints the reason.
 */
export async function mountTinyDisk(dir: string, bytes: number): Promise<TinyDisk> {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'mounting a tmpfs needs root' };
  await mkdir(dir, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  } catch (error) {
    return { ok: false, reason: `mount -t tmpfs failed: ${(error as Error).message}` };
  }
  return { ok: true, unmount: () => run('umount', [dir]).then(() => undefined) };
}
