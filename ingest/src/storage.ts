import { join } from 'node:path';
import { parseDurationMs, type DeadLetterLog, type Store } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { createEmbeddedStorage } from './adapters/store/index.js';
import { InfluxStore } from './adapters/store/influx/index.js';
import type { Config } from './config.js';
import { PlatformError } from './platform-errors.js';

/** The time-series store the platform writes to, and the dead-letter log (always embedded: it is local evidence). */
export interface PlatformStorage {
  readonly store: Store;
  readonly deadLetters: DeadLetterLog;
  /** Human-readable store kind for /api/health. */
  readonly kind: string;
  close(): Promise<void>;
}

/** Opens the store chosen by STORE (embedded DuckDB by default, or InfluxDB) under DATA_DIR. */
export async function openPlatformStorage(config: Config, logger: Logger): Promise<PlatformStorage> {
  const retention =
    config.RAW_RETENTION === undefined
      ? {}
      : { rawRetentionMs: parseDurationMs(config.RAW_RETENTION) ?? Infinity };
  const embedded = createEmbeddedStorage({
    dataDir: config.DATA_DIR,
    logger: logger.child({ module: 'store' }),
    ...(config.STORE === 'embedded' ? retention : {}),
  });
  try {
    await embedded.start();
  } catch (error) {
    throw new PlatformError(
      'PLATFORM_ERR_STORE',
      `Cannot open the embedded store in DATA_DIR=${config.DATA_DIR}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (config.STORE === 'embedded')
    return {
      store: embedded.store,
      deadLetters: embedded.deadLetters,
      kind: 'embedded (DuckDB)',
      close: () => embedded.close(),
    };
  const influx = new InfluxStore({
    url: config.INFLUX_URL ?? '',
    bucket: config.INFLUX_BUCKET,
    spoolDir: join(config.DATA_DIR, 'influx-spool'),
    logger: logger.child({ module: 'influx' }),
    deadLetters: embedded.deadLetters,
    ...retention,
    ...(config.INFLUX_TOKEN ? { token: config.INFLUX_TOKEN } : {}),
    ...(config.INFLUX_USERNAME ? { username: config.INFLUX_USERNAME } : {}),
    ...(config.INFLUX_PASSWORD ? { password: config.INFLUX_PASSWORD } : {}),
    ...(config.INFLUX_ORG ? { org: config.INFLUX_ORG } : {}),
    ...(config.INFLUX_VERSION ? { versionOverride: config.INFLUX_VERSION } : {}),
  });
  try {
    await influx.start();
  } catch (error) {
    await embedded.close();
    throw new PlatformError(
      'PLATFORM_ERR_STORE',
      `Cannot use InfluxDB at INFLUX_URL=${config.INFLUX_URL}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    store: influx,
    deadLetters: embedded.deadLetters,
    kind: `InfluxDB (${config.INFLUX_URL})`,
    async close() {
      await influx.close();
      await embedded.close();
    },
  };
}
