import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Fills the file system of `dir` with a file until writes fail with ENOSPC; `free` deletes it. */
export async function fillDisk(dir: string): Promise<{ free(): Promise<void> }> {
  const filler = join(dir, 'filler');
  // dd stops with an error at ENOSPC, which is the point.
  await run('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k']).catch(() => undefined);
  return { free: () => rm(filler, { force: true }) };
}
