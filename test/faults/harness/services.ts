import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { waitFor } from '../../helpers/wait-for.js';
import { freePort, type Child, type ProcessRegistry } from './processes.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MOSQUITTO = '/usr/sbin/mosquitto';
const REDIS_SERVER = '/usr/bin/redis-server';

/** A service the suite runs as its own process, which a fault may stop and start again. */
export interface Service {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  current(): Child;
  /** Ends the process by its PID with `signal` and starts it again on the same port and data. */
  restart(signal?: NodeJS.Signals, downMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}

function service(
  registry: ProcessRegistry,
  name: string,
  port: number,
  dir: string,
  url: string,
  launch: () => Child,
  ready: () => Promise<boolean>,
): Service {
  let child: Child | undefined;
  const start = async (): Promise<void> => {
    const started = launch();
    child = started;
    await waitFor(
      `${name} to accept connections`,
      async () => started.child.exitCode === null && (await ready()),
      {
        timeoutMs: 30_000,
      },
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${started.output()}`, { cause: error });
    });
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child !== undefined) await registry.end(child, signal);
  };
  return {
    url,
    port,
    dir,
    current: () => child!,
    start,
    stop,
    async restart(signal = 'SIGTERM', downMs = 0) {
      await stop(signal);
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
  };
}

/**
 * A Mosquitto of the suite's own on a free port, with persistence (saved on a graceful stop) and a
 * queue large enough that a persistent session never drops QoS 1 messages while its client is away.
 */
export async function startMosquitto(registry: ProcessRegistry): Promise<Service> {
  const dir = await mkdtemp(join(tmpdir(), 'ssc-faults-mosquitto-'));
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  await writeFile(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      // Started as root, Mosquitto would drop to its own user, which cannot write the temp folder.
      `user ${userInfo().username}`,
      'persistence true',
      `persistence_location ${dir}/`,
      'max_queued_messages 0',
      'max_inflight_messages 0',
      '',
    ].join('\n'),
  );
  const url = `mqtt://127.0.0.1:${port}`;
  const ready = async (): Promise<boolean> => {
    const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 1000 });
    await client.endAsync();
    return true;
  };
  const broker = service(
    registry,
    'mosquitto',
    port,
    dir,
    url,
    () => registry.start('mosquitto', MOSQUITTO, ['-c', config]),
    ready,
  );
  await broker.start();
  return broker;
}

/** A redis-server of the suite's own on a free port, appending every write to its AOF. */
export async function startRedis(registry: ProcessRegistry): Promise<Service> {
  const dir = await mkdtemp(join(tmpdir(), 'ssc-faults-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--save',
    '',
  ];
  const ready = async (): Promise<boolean> => {
    const { Redis } = await import('ioredis');
    const client = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const redis = service(
    registry,
    'redis',
    port,
    dir,
    `redis://127.0.0.1:${port}`,
    () => registry.start('redis', REDIS_SERVER, args),
    ready,
  );
  await redis.start();
  return redis;
}

/** The platform as `npm start` runs it, one process, on a free HTTP port. */
export async function startPlatformProcess(
  registry: ProcessRegistry,
  env: Record<string, string>,
): Promise<{ child: Child; httpUrl: string }> {
  const port = await freePort();
  const child = registry.start('platform', process.execPath, ['--import', 'tsx', 'ingest/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      DEMO: 'off',
      PORT: String(port),
      ...env,
    },
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    'the platform to answer /api/health',
    async () => child.child.exitCode === null && (await fetch(`${httpUrl}/api/health`)).status > 0,
    { timeoutMs: 60_000, intervalMs: 200 },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${child.output()}`, { cause: error });
  });
  return { child, httpUrl };
}
