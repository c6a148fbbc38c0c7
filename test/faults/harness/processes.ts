import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { freePort } from '../../helpers/free-port.js';

export { freePort };

const KILL_AFTER_MS = 15_000;

/** A child the suite started, known by its PID. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null after a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  /** The last output lines, for failure messages. */
  output(): string;
}

/**
 * Every process a fault test starts goes through here, so that afterAll can end each one by its
 * own PID (SIGTERM, then SIGKILL after a deadline): nothing is ever killed by name.
 */
export class ProcessRegistry {
  readonly #children = new Set<Child>();

  start(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): Child {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    if (child.pid === undefined) throw new Error(`${name} did not start`);
    let out = '';
    const keep = (chunk: Buffer): void => {
      out = (out + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const entry: Child = { name, pid: child.pid, child, exited, output: () => out };
    this.#children.add(entry);
    void exited.then(() => this.#children.delete(entry));
    return entry;
  }

  /** Sends `signal` to the child's PID and waits for it to end (SIGKILL after a deadline). */
  async end(entry: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (entry.child.exitCode === null && entry.child.signalCode === null) {
      process.kill(entry.pid, signal);
      const killer = setTimeout(() => process.kill(entry.pid, 'SIGKILL'), KILL_AFTER_MS);
      try {
        return await entry.exited;
      } finally {
        clearTimeout(killer);
      }
    }
    return entry.exited;
  }

  /** Ends every child still running, newest first. */
  async endAll(): Promise<void> {
    for (const entry of [...this.#children].reverse()) await this.end(entry).catch(() => undefined);
  }
}
