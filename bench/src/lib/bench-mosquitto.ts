import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { benchMosquittoConfig } from './bench-mosquitto-config.js';
import { freePort, pollUntil, spawnChild, type BenchChild } from './processes.js';

const MOSQUITTO = '/usr/sbin/mosquitto';
export interface BenchMosquitto {
  readonly url: string;
  readonly process: BenchChild;
}

async function accepts(url: string): Promise<boolean> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 1000 });
  await client.endAsync();
  return true;
}

async function start(): Promise<BenchMosquitto & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ssc-bench-mosquitto-'));
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  await writeFile(config, benchMosquittoConfig(port));
  const child = spawnChild('mosquitto', MOSQUITTO, ['-c', config], {});
  const url = `mqtt://127.0.0.1:${port}`;
  await pollUntil(
    'the bench Mosquitto to accept connections',
    () => {
      if (child.child.exitCode !== null) throw new Error(`mosquitto exited:\n${child.output()}`);
      return accepts(url);
    },
    15_000,
  ).catch(async (error: unknown) => {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${child.output().slice(-1500)}`, { cause: error });
  });
  return { url, process: child, dir };
}

let running: Promise<BenchMosquitto & { dir: string }> | undefined;
let current: (BenchMosquitto & { dir: string }) | undefined;

const alive = (b: BenchMosquitto): boolean =>
  b.process.child.exitCode === null && b.process.child.signalCode === null;

/**
 * The one Mosquitto of a bench run, started on first use (concurrent callers share the start). It
 * is registered with the bench's other children, so a failed scenario or Ctrl-C ends it by PID; the
 * next scenario then starts a new one.
 */
export function benchMosquitto(): Promise<BenchMosquitto> {
  if (running === undefined || (current !== undefined && !alive(current))) {
    current = undefined;
    running = start();
    running.then(
      (b) => (current = b),
      () => (running = undefined),
    );
  }
  return running;
}

/** Ends the bench Mosquitto by its PID, at the end of the run. */
export async function stopBenchMosquitto(): Promise<void> {
  const started = running && (await running.catch(() => undefined));
  running = undefined;
  current = undefined;
  if (!started) return;
  await started.process.stop();
  await rm(started.dir, { recursive: true, force: true });
}
