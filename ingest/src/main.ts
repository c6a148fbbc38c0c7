import type { AdminKeyState } from '@ssc-monitor/api';
import type { Logger } from 'pino';
import { loadConfig } from './config.js';
import { startPlatform } from './app.js';
import { createLogger } from './logger.js';
import { PlatformError } from './platform-errors.js';

/** Prints the generated admin key at every start, so the person who started the demo can sign in. */
function logAdminKey(logger: Logger, url: string, admin: AdminKeyState): void {
  if (admin.kind === 'managed') {
    logger.info('API keys are managed with `npm run keys -- list|create|revoke`');
    return;
  }
  const verb = admin.kind === 'created' ? 'generated' : 'kept';
  logger.warn(
    { adminKeyFile: admin.file, dashboard: url },
    `\n\n  Admin API key (${verb}, also in ${admin.file}):\n\n    ${admin.key}\n\n` +
      `  Sign in at ${url} with it. Create keys for others with \`npm run keys -- create --role viewer --name "wall screen"\`,\n` +
      '  then revoke this one with `npm run keys -- revoke <id>`.\n',
  );
}

/** Entry point of `npm start`: config → logger → platform; Ctrl-C stops cleanly. */
async function main(): Promise<void> {
  const parsed = loadConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Invalid configuration:\n  ${parsed.errors.join('\n  ')}\n`);
    process.exit(1);
  }
  const { config } = parsed;
  const logger = createLogger(config.LOG_LEVEL);
  let platform;
  try {
    platform = await startPlatform(config, logger);
  } catch (error) {
    if (error instanceof PlatformError) {
      logger.flush();
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  logger.info(
    { dashboard: platform.httpUrl, docs: `${platform.httpUrl}/docs`, mqtt: platform.mqttUrl },
    `ssc-monitor is running: open ${platform.httpUrl}`,
  );
  logAdminKey(logger, platform.httpUrl, platform.admin);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: flushing the store');
    platform
      .stop()
      .then(() => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
