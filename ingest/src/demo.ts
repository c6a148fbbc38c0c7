import { parseDurationMs, type Plan, type Store } from '@ssc-monitor/core';
import { runDemoSimulation } from '@ssc-monitor/simulators';
import type { Logger } from 'pino';
import type { ServiceCredential } from './adapters/broker/broker-auth.js';
import type { Config } from './config.js';

export interface RunningDemo {
  stop(): Promise<void>;
}

export interface DemoOptions {
  readonly plan: Plan;
  readonly store: Store;
  readonly mqttUrl: string;
  /** The embedded broker's service credential; MQTT_USERNAME/MQTT_PASSWORD otherwise. */
  readonly service?: ServiceCredential | undefined;
  readonly config: Config;
  readonly logger: Logger;
}

/** Seed of the demo feeds: the same city every time. */
const DEMO_SEED = 2030;

/**
 * Starts the demo city's simulated sensors. On start it fills only the gap since the newest stored
 * reading (at most DEMO_BACKFILL), so restarts neither leave holes nor double the data density.
 */
export async function startDemo({
  plan,
  store,
  mqttUrl,
  service,
  config,
  logger,
}: DemoOptions): Promise<RunningDemo> {
  const now = Date.now();
  const maxBackfill = parseDurationMs(config.DEMO_BACKFILL) ?? 0;
  const newest = Math.max(0, ...(await store.latest()).map((row) => row.ts));
  const backfillMs = Math.max(0, now - Math.max(newest, now - maxBackfill));
  logger.info(
    { sensors: plan.sensors.length, backfillHours: Math.round(backfillMs / 360_000) / 10 },
    'starting the demo city simulators',
  );
  return runDemoSimulation({
    url: mqttUrl,
    prefix: config.MQTT_TOPIC_PREFIX,
    sensors: plan.sensors,
    seed: DEMO_SEED,
    backfillMs,
    qos: 1,
    logger,
    ...credentialsOf(service, config),
  });
}

function credentialsOf(
  service: ServiceCredential | undefined,
  config: Config,
): { username?: string; password?: string } {
  if (service) return { username: service.username, password: service.password };
  return {
    ...(config.MQTT_USERNAME ? { username: config.MQTT_USERNAME } : {}),
    ...(config.MQTT_PASSWORD ? { password: config.MQTT_PASSWORD } : {}),
  };
}
