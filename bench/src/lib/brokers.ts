import { execFileSync } from 'node:child_process';
import { BUNDLE_NODE_FLAGS, bundlePath } from './bundles.js';
import { freePort, pollUntil, spawnChild, type BenchChild } from './processes.js';
import { REPO_ROOT } from './platform.js';

/** The platform's embedded broker (aedes) in a process of its own on a free port. */
export async function startAedes(): Promise<{ url: string; process: BenchChild }> {
  const port = await freePort();
  const args = [...BUNDLE_NODE_FLAGS, bundlePath('aedes-server'), String(port)];
  const child = spawnChild('aedes', process.execPath, args, { cwd: REPO_ROOT });
  await pollUntil('aedes to listen', () => (child.output().includes('listening') ? true : undefined), 30_000);
  return { url: `mqtt://127.0.0.1:${port}`, process: child };
}

/** `mosquitto 2.0.11`, or undefined when the binary is absent. */
export function mosquittoVersion(): string | undefined {
  try {
    execFileSync('/usr/sbin/mosquitto', ['-h'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // `mosquitto -h` prints its usage and exits with status 3.
    const out = String((error as { stdout?: unknown }).stdout ?? '');
    return /mosquitto version ([\d.]+)/.exec(out)?.[1];
  }
  return undefined;
}
