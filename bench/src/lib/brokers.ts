import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, pollUntil, spawnChild, type BenchChild } from './processes.js';
import { REPO_ROOT } from './platform.js';

const AEDES_SERVER = fileURLToPath(new URL('./aedes-server.ts', import.meta.url));

/** The Mosquitto this machine already runs (test/scripts/setup.sh starts it): measured through, never started. */
export const MACHINE_MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

/** The platform's embedded broker (aedes) in a process of its own on a free port. */
export async function startAedes(): Promise<{ url: string; process: BenchChild }> {
  const port = await freePort();
  const child = spawnChild('aedes', process.execPath, ['--import', 'tsx', AEDES_SERVER, String(port)], {
    cwd: REPO_ROOT,
  });
  await pollUntil('aedes to listen', () => (child.output().includes('listening') ? true : undefined), 30_000);
  return { url: `mqtt://127.0.0.1:${port}`, process: child };
}

/** The PID of the machine's Mosquitto, to read its RSS; undefined when not found. */
export function mosquittoPid(): number | undefined {
  try {
    const pid = Number(execFileSync('pgrep', ['-o', '-x', 'mosquitto'], { encoding: 'utf8' }).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** `mosquitto 2.0.11`, or undefined when the binary is absent. */
export function mosquittoVersion(): string | undefined {
  try {
    execFileSync('mosquitto', ['-h'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // `mosquitto -h` prints its usage and exits with status 3.
    const out = String((error as { stdout?: unknown }).stdout ?? '');
    return /mosquitto version ([\d.]+)/.exec(out)?.[1];
  }
  return undefined;
}
