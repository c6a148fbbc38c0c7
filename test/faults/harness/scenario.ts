import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInfluxServer, type InfluxServer } from '../../helpers/influxdb.js';
import { waitFor } from '../../helpers/wait-for.js';
import { FaultProxy } from './fault-proxy.js';
import { LedgerLoad } from './ledger.js';
import type { FaultRow } from './report.js';
import { ProcessRegistry, type Child } from './processes.js';
import { startMosquitto, startPlatformProcess, type Service } from './services.js';
import { embeddedChecks, influxChecks } from './store-checks.js';

/** What a fault test can reach while it breaks things. */
export interface FaultContext {
  readonly run: string;
  /** The platform's DATA_DIR (embedded dead-letter log, InfluxDB spool). */
  readonly dataDir: string;
  readonly registry: ProcessRegistry;
  readonly broker: Service;
  /** Absent when the platform runs on the embedded store. */
  readonly influx: InfluxServer | undefined;
  /** Between ingest and the broker. */
  readonly brokerProxy: FaultProxy;
  /** Between ingest and InfluxDB. */
  readonly influxProxy: FaultProxy;
  readonly load: LedgerLoad;
  platform(): { child: Child; httpUrl: string };
  /** Every ingest process with its data folder: the platform, then the other workers of its group. */
  instances(): { httpUrl: string; dataDir: string }[];
  /** Ends the platform by its PID with `signal`, then starts it again on the same data folder. */
  restartPlatform(signal: NodeJS.Signals, downMs?: number): Promise<void>;
  /** Ends the platform gracefully (SIGTERM) for good, e.g. to read a store file it holds. */
  stopPlatform(): Promise<void>;
  /** Exit codes of the platform processes ended so far (0 = a clean, flushed stop). */
  readonly exits: (number | null)[];
  /** Platform output so far, for failure messages. */
  output(): string;
}

export interface FaultScenario {
  /** Row name in the report. */
  readonly fault: string;
  /** Messages per second. @defaultValue 200 */
  readonly rate?: number;
  /** Load before the fault starts, ms. */
  readonly warmupMs: number;
  /** Load after the fault has healed, ms. */
  readonly afterMs: number;
  /** Longest wait for the store to catch up after the load stops, ms. */
  readonly settleMs: number;
  /** Where ingest stores: InfluxDB (behind a proxy) or the embedded DuckDB file. @defaultValue 'influx' */
  readonly store?: 'influx' | 'embedded';
  /** Readings every n of which go to a sensor the store refuses (see the store fault server). */
  readonly poisonEvery?: number;
  /** Where ingest writes, given the InfluxDB proxy's URL and the run; defaults to the proxy. */
  readonly influxUrl?: (proxyUrl: string, run: string) => Promise<string>;
  /** Breaks something and resolves once it is healed again. */
  readonly inject: (context: FaultContext) => Promise<void>;
  /** Runs on the fresh data folder before the platform starts; returns its cleanup. */
  readonly prepare?: (dataDir: string) => Promise<() => Promise<void>>;
  /** Extra platform environment. */
  readonly env?: Record<string, string>;
  /**
   * Ingest processes sharing one subscription as a worker group (ROLE=worker, MQTT_SHARED_GROUP),
   * each with its own client id and data folder; 1 runs the platform alone. @defaultValue 1
   */
  readonly workers?: number;
}

export interface FaultResult {
  readonly row: FaultRow;
  readonly output: string;
  readonly context: FaultContext;
}

/**
 * Runs one fault from start to end: a Mosquitto and an InfluxDB of its own, proxies in front of
 * both, the platform as a process, the ledger load; then the checker. Every process it started is
 * ended by its PID before it returns, whatever happened.
 */
export async function runFault(scenario: FaultScenario): Promise<FaultResult> {
  const run = `f${randomUUID().slice(0, 8)}`;
  const bucket = `faults_${run}`;
  const registry = new ProcessRegistry();
  const dataDir = await mkdtemp(join(tmpdir(), 'ssc-faults-data-'));
  const cleanups: (() => Promise<unknown>)[] = [
    () => registry.endAll(),
    () => rm(dataDir, { recursive: true, force: true }),
  ];
  let output = '';
  try {
    if (scenario.prepare) {
      const undo = await scenario.prepare(dataDir);
      // After the platform has ended (registry.endAll), before the folder is removed.
      cleanups.splice(1, 0, undo);
    }
    const broker = await startMosquitto(registry);
    cleanups.push(() => rm(broker.dir, { recursive: true, force: true }));
    const embedded = scenario.store === 'embedded';
    const influx = embedded ? undefined : await startInfluxServer();
    if (influx !== undefined) cleanups.push(() => influx.dispose());
    const brokerProxy = new FaultProxy(broker.port);
    // On the embedded store the InfluxDB proxy leads nowhere and nothing uses it.
    const influxProxy = new FaultProxy(influx === undefined ? broker.port : Number(new URL(influx.url).port));
    await Promise.all([brokerProxy.start(), influxProxy.start()]);
    cleanups.unshift(
      () => brokerProxy.stop(),
      () => influxProxy.stop(),
    );
    const proxyUrl = `http://127.0.0.1:${influxProxy.port}`;
    const env = {
      MQTT_URL: `mqtt://127.0.0.1:${brokerProxy.port}`,
      MQTT_TOPIC_PREFIX: `${run}/`,
      MQTT_CLIENT_ID: `${run}-ingest`,
      ...(embedded
        ? { STORE: 'embedded' }
        : {
            STORE: 'influx',
            INFLUX_URL: (await scenario.influxUrl?.(proxyUrl, run)) ?? proxyUrl,
            INFLUX_BUCKET: bucket,
          }),
      DATA_DIR: dataDir,
      ...((scenario.workers ?? 1) > 1 ? { ROLE: 'worker', MQTT_SHARED_GROUP: `${run}-group` } : {}),
      ...scenario.env,
    };
    const otherEnvs: Record<string, string>[] = [];
    for (let i = 1; i < (scenario.workers ?? 1); i += 1) {
      const otherDir = await mkdtemp(join(tmpdir(), 'ssc-faults-data-'));
      cleanups.push(() => rm(otherDir, { recursive: true, force: true }));
      otherEnvs.push({ ...env, MQTT_CLIENT_ID: `${run}-ingest-w${i}`, DATA_DIR: otherDir });
    }
    // Started together: each start compiles the TypeScript and opens its stores.
    const [first, ...rest] = await Promise.all(
      [env, ...otherEnvs].map((each) => startPlatformProcess(registry, each)),
    );
    let platform = first!;
    const others = rest.map(({ httpUrl }, i) => ({ httpUrl, dataDir: otherEnvs[i]!.DATA_DIR! }));
    const load = new LedgerLoad({
      brokerUrl: broker.url,
      topicPrefix: `${run}/`,
      run,
      rate: scenario.rate ?? 200,
      poisonEvery: scenario.poisonEvery ?? 0,
    });
    const context: FaultContext = {
      run,
      dataDir,
      registry,
      broker,
      influx,
      brokerProxy,
      influxProxy,
      load,
      exits: [],
      platform: () => platform,
      instances: () => [{ httpUrl: platform.httpUrl, dataDir }, ...others],
      async restartPlatform(signal, downMs = 0) {
        output += platform.child.output();
        context.exits.push(await registry.end(platform.child, signal));
        if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
        platform = await startPlatformProcess(registry, env);
      },
      async stopPlatform() {
        await registry.end(platform.child, 'SIGTERM');
      },
      output: () => output + platform.child.output(),
    };
    await load.start();
    cleanups.unshift(() => load.stop(1000));
    await new Promise((resolve) => setTimeout(resolve, scenario.warmupMs));
    await scenario.inject(context);
    const healedAt = Date.now();
    const checks = influx === undefined ? embeddedChecks(context) : influxChecks(context, influx.url, bucket);
    const since = await checks.recoveredSince(healedAt);
    const recovered = waitFor(
      'everything acknowledged before the heal to be stored',
      async () => ((await since()) ? Date.now() : undefined),
      { timeoutMs: scenario.afterMs + scenario.settleMs, intervalMs: 250 },
    ).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, scenario.afterMs));
    await load.stop();
    const final = await checks.final(scenario.settleMs);
    const recoveredAt = (await recovered) ?? Date.now();
    return {
      row: { fault: scenario.fault, ...final, recoveryMs: recoveredAt - healedAt },
      output: context.output(),
      context,
    };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}
