/**
 * A feed worker as its own process, so that a test can kill it mid-pull by its PID: BullMQ on the
 * Redis of FAULT_REDIS_PORT, storing into InfluxDB (shared by every worker), with a short watchdog.
 * Prints `ready` once its worker listens for jobs.
 */
import pino from 'pino';
import { InfluxStore } from '../../../ingest/src/adapters/store/influx/index.js';
import { BullmqFeedScheduler, FeedRunner } from '../../../ingest/src/feeds/index.js';
import { csvFeed } from './csv-feed.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const logger = pino({ level: 'info' });
const store = new InfluxStore({
  url: env('FAULT_INFLUX_URL'),
  bucket: env('FAULT_INFLUX_BUCKET'),
  spoolDir: env('FAULT_SPOOL_DIR'),
  logger,
});
await store.start();
const feed = csvFeed('counts', env('FAULT_FEED_URL'), env('FAULT_SENSOR'));
const runner = new FeedRunner(
  { store, districtOf: () => 'unassigned', logger },
  { allowPrivateNetworks: true, minHostIntervalMs: 0 },
);
const scheduler = new BullmqFeedScheduler(
  { feeds: [feed], runner, logger },
  {
    connection: { host: '127.0.0.1', port: Number(env('FAULT_REDIS_PORT')) },
    prefix: env('FAULT_PREFIX'),
    retry: { attempts: 3, backoffMs: 200 },
    watchdog: { lockDurationMs: 2000, stalledIntervalMs: 1000, maxStalledCount: 2 },
  },
);
await scheduler.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void scheduler
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
