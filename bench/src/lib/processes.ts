import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { freePort } from '../../../test/helpers/free-port.js';

export { freePort };

const STOP_TIMEOUT_MS = 20_000;

/** A child process the bench started, with its last output kept for error messages. */
export interface BenchChild {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<number | null>;
  output(): string;
  /** `signal` (SIGTERM) to its own PID, SIGKILL after a deadline; resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<BenchChild>();

/** Signals a process by PID; one that has already exited is not an error. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // ESRCH: it exited between the check and the signal.
  }
}

/** Kills every child still running, by PID (used on Ctrl-C and on a failed scenario). */
export function killAll(): void {
  for (const c of running) signal(c.pid, 'SIGKILL');
  running.clear();
}

export function spawnChild(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): BenchChild {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (child.pid === undefined) throw new Error(`cannot start ${name} (${command})`);
  const pid = child.pid;
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitedYet = false;
  void exited.then(() => (exitedYet = true));
  const handle: BenchChild = {
    name,
    child,
    pid,
    exited,
    output: () => output,
    async stop(first: NodeJS.Signals = 'SIGTERM') {
      running.delete(handle);
      if (exitedYet) return;
      signal(pid, first);
      const killer = setTimeout(() => signal(pid, 'SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** Polls until `check` returns a value, or fails with `what` after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
