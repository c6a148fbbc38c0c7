import type { KpiEngine, Plan } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createFeedScheduler, FeedRunner, type FeedScheduler } from './feeds/index.js';
import type { LiveCoalescer } from './pipeline/live-coalescer.js';
import type { SensorRegistry } from './pipeline/sensor-registry.js';
import { PlatformError } from './platform-errors.js';
import type { PlatformStorage } from './storage.js';

export type Closer = () => Promise<void> | void;

export interface FeedParts {
  readonly storage: PlatformStorage;
  readonly sensors: SensorRegistry;
  readonly engine: KpiEngine;
  readonly coalescer: LiveCoalescer;
  readonly logger: Logger;
}

/** Open-data feeds of the plan: on BullMQ when REDIS_URL is set, else on an in-process scheduler. */
export async function startFeeds(
  config: Config,
  plan: Plan,
  parts: FeedParts,
  closers: Closer[],
): Promise<FeedScheduler> {
  const { storage, sensors, engine, coalescer } = parts;
  const logger = parts.logger.child({ module: 'feeds' });
  const runner = new FeedRunner(
    {
      store: storage.store,
      districtOf: (id) => sensors.districtOf(id),
      logger,
      onStored: (readings) => {
        for (const reading of readings) {
          sensors.recordReading(reading);
          coalescer.markSensor(reading.sensorId);
        }
        coalescer.markKpis(engine.ingest(readings));
      },
    },
    { allowPrivateNetworks: config.FEEDS_ALLOW_PRIVATE_NETWORKS },
  );
  // Workers only ingest MQTT; feeds run once, in the process that keeps the plan's KPIs.
  const feeds = config.ROLE === 'worker' ? [] : plan.feeds;
  const scheduler = createFeedScheduler(
    { feeds, runner, logger },
    config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {},
  );
  try {
    await scheduler.start();
  } catch (error) {
    throw new PlatformError(
      'PLATFORM_ERR_REDIS',
      `Cannot start the feed scheduler on REDIS_URL=${config.REDIS_URL}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  closers.push(() => scheduler.stop());
  return scheduler;
}
