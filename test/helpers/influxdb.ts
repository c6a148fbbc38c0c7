import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for.js';
import { freePort } from './free-port.js';

/** Debian's package; the system service is never used, each test run starts its own server. */
const INFLUXD = '/usr/bin/influxd';
const STOP_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 30_000;

/** A private InfluxDB 1.x process on free ports, with its meta, data and WAL in a temp folder. */
export interface InfluxServer {
  /** Base URL of the HTTP API, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly dir: string;
  readonly running: boolean;
  /** Stops the process (SIGTERM to its own PID, SIGKILL after a deadline); data stays on disk. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and folders, as after an outage. */
  restart(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
  /** The last lines the server wrote, for failure messages. */
  log(): string;
}

/** Installs Debian's `influxdb` package when `influxd` is missing; a no-op otherwise. */
export function ensureInfluxInstalled(): void {
  if (existsSync(INFLUXD)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'influxdb'], { env, stdio: 'ignore' });
  } catch {
    // The package lists may be missing on a fresh machine; refresh them once and retry.
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'influxdb'], { env, stdio: 'ignore' });
  }
}

function configText(dir: string, httpPort: number, rpcPort: number): string {
  return `reporting-disabled = true
bind-address = "127.0.0.1:${rpcPort}"

[meta]
  dir = "${join(dir, 'meta')}"

[data]
  dir = "${join(dir, 'data')}"
  wal-dir = "${join(dir, 'wal')}"
  query-log-enabled = false

[http]
  bind-address = "127.0.0.1:${httpPort}"
  auth-enabled = false
  log-enabled = false

[monitor]
  store-enabled = false

[logging]
  level = "warn"
`;
}

async function answersPing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ping`);
    return response.status === 204;
  } catch {
    return false;
  }
}

/** One `influxd` process at a time on fixed ports and folders, so that a restart finds its data. */
class InfluxProcess implements InfluxServer {
  readonly url: string;
  readonly dir: string;
  readonly #configFile: string;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #output = '';

  constructor(dir: string, httpPort: number) {
    this.dir = dir;
    this.url = `http://127.0.0.1:${httpPort}`;
    this.#configFile = join(dir, 'influxdb.conf');
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  async start(): Promise<void> {
    const child = spawn(INFLUXD, ['run', '-config', this.#configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.#output = (this.#output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.#exited.then(() => {
      if (this.#child === child) this.#child = undefined;
    });
    try {
      await waitFor('influxd to answer /ping', () => this.running && answersPing(this.url), {
        timeoutMs: START_TIMEOUT_MS,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.#output}`, { cause: error });
    }
  }

  async stop(): Promise<void> {
    const pid = this.#child?.pid;
    if (pid === undefined) return;
    process.kill(pid, 'SIGTERM');
    const killer = setTimeout(() => process.kill(pid, 'SIGKILL'), STOP_TIMEOUT_MS);
    await this.#exited;
    clearTimeout(killer);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  log(): string {
    return this.#output;
  }
}

/** Starts `influxd` with a generated config and resolves once `/ping` answers. */
export async function startInfluxServer(): Promise<InfluxServer> {
  ensureInfluxInstalled();
  const dir = await mkdtemp(join(tmpdir(), 'ssc-influxd-'));
  const [httpPort, rpcPort] = [await freePort(), await freePort()];
  await writeFile(join(dir, 'influxdb.conf'), configText(dir, httpPort, rpcPort));
  const server = new InfluxProcess(dir, httpPort);
  await server.start();
  return server;
}
