import { SYSTEM_CLOCK, type Clock } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { SimulatorError } from './errors.js';
import { MqttPublisher } from './publish/mqtt-publisher.js';
import { createDemoCity, type DemoCity, type SimSensor } from './scenarios/demo-city.js';
import { SimulationLoop } from './simulation.js';

export interface DemoSimulationOptions {
  /** Broker URL, e.g. `mqtt://localhost:1883`. */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** Topic prefix. @defaultValue `''` */
  readonly prefix?: string;
  /** The plan's sensors; those of a kind without a model are logged once and publish nothing. */
  readonly sensors: readonly SimSensor[];
  /** Same seed, same city. @defaultValue 1 */
  readonly seed?: number;
  /** Real-time publishing interval, ms. @defaultValue 10000 */
  readonly intervalMs?: number;
  /**
   * Past period published first, ms, at an interval of max(intervalMs, 5 min) and with historical
   * timestamps. @defaultValue 0
   */
  readonly backfillMs?: number;
  /** @defaultValue 0 */
  readonly qos?: 0 | 1;
  readonly logger: Logger;
  /** @defaultValue the system clock */
  readonly clock?: Clock;
}

export const DEFAULT_DEMO_SIMULATION_OPTIONS = {
  prefix: '',
  seed: 1,
  intervalMs: 10_000,
  backfillMs: 0,
  qos: 0,
} as const;

/** Shorter intervals would flood a broker with 32 sensors for no visible gain. */
export const MIN_INTERVAL_MS = 100;

export interface DemoSimulation {
  /** Resolves with the number of backfill messages once they are published. */
  readonly backfilled: Promise<number>;
  /** Ends the loop and disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

type ResolvedOptions = Required<
  Pick<DemoSimulationOptions, 'seed' | 'intervalMs' | 'backfillMs' | 'qos' | 'prefix'>
>;

/** Applies the defaults and checks ranges, listing every problem at once. */
function resolveOptions(options: DemoSimulationOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    seed: options.seed ?? DEFAULT_DEMO_SIMULATION_OPTIONS.seed,
    intervalMs: options.intervalMs ?? DEFAULT_DEMO_SIMULATION_OPTIONS.intervalMs,
    backfillMs: options.backfillMs ?? DEFAULT_DEMO_SIMULATION_OPTIONS.backfillMs,
    qos: options.qos ?? DEFAULT_DEMO_SIMULATION_OPTIONS.qos,
    prefix: options.prefix ?? DEFAULT_DEMO_SIMULATION_OPTIONS.prefix,
  };
  const { intervalMs, backfillMs, seed, qos } = resolved;
  const problems: string[] = [];
  if (!Number.isInteger(intervalMs) || intervalMs < MIN_INTERVAL_MS)
    problems.push(`intervalMs must be a whole number ≥ ${MIN_INTERVAL_MS}, got ${intervalMs}`);
  if (!Number.isFinite(backfillMs) || backfillMs < 0)
    problems.push(`backfillMs must be ≥ 0, got ${backfillMs}`);
  if (!Number.isSafeInteger(seed)) problems.push(`seed must be an integer, got ${seed}`);
  if (qos !== 0 && qos !== 1) problems.push(`qos must be 0 or 1, got ${String(qos)}`);
  if (problems.length > 0) throw new SimulatorError('SIM_ERR_BAD_OPTION', problems.join('; '));
  return resolved;
}

function warnUnsupported(city: DemoCity, logger: Logger): void {
  if (city.unsupported.length === 0) return;
  logger.warn(
    { sensors: city.unsupported.map((s) => ({ id: s.id, kind: s.kind ?? null })) },
    'no simulator for the kind of these sensors; they publish nothing',
  );
}

/**
 * Runs the demo city: connects to the broker, publishes the backfill, then one message per sensor
 * every interval until stopped. Rejects with `SIM_ERR_CONNECT` when the broker cannot be reached and
 * `SIM_ERR_BAD_OPTION` when an option is out of range.
 */
export async function runDemoSimulation(options: DemoSimulationOptions): Promise<DemoSimulation> {
  const { seed, intervalMs, backfillMs, qos, prefix } = resolveOptions(options);
  const logger = options.logger.child({ module: 'demo-city' });
  const city = createDemoCity(options.sensors, seed);
  warnUnsupported(city, logger);
  const publisher = new MqttPublisher({
    url: options.url,
    username: options.username,
    password: options.password,
    prefix,
    qos,
    logger: options.logger,
  });
  await publisher.start();
  const loop = new SimulationLoop({
    city,
    publisher,
    intervalMs,
    backfillMs,
    clock: options.clock ?? SYSTEM_CLOCK,
    logger: options.logger,
  });
  const backfilled = loop.start();
  logger.info({ sensors: city.sensors.length, intervalMs, backfillMs, seed }, 'demo city running');
  let stopping: Promise<void> | undefined;
  return {
    backfilled,
    stop: () => (stopping ??= loop.stop().then(() => publisher.stop())),
  };
}
