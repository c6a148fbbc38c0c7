import { waitFor } from '../../helpers/wait-for.js';
import { tally, type Tally } from './checker.js';
import { embeddedContents, platformMetric } from './embedded-reader.js';
import type { FaultContext } from './scenario.js';
import { deadLetters, influxPoints } from './store-readers.js';

/** How a fault run sees what reached the store, while it runs and at its end. */
export interface StoreChecks {
  /** Called when the fault heals; resolves true once what was acknowledged before is stored. */
  recoveredSince(healedAt: number): Promise<() => Promise<boolean>>;
  /** The final tally, after waiting up to `settleMs` for the store to catch up. */
  final(settleMs: number): Promise<Tally>;
}

/** Reads InfluxDB and the platform's dead letters over HTTP, as often as asked. */
export function influxChecks(context: FaultContext, influxUrl: string, bucket: string): StoreChecks {
  const now = async (before?: number): Promise<Tally> => {
    const points = await influxPoints(influxUrl, bucket, context.run);
    const letters = [];
    for (const { httpUrl, dataDir } of context.instances())
      letters.push(...(await deadLetters(httpUrl, dataDir, context.run)));
    return tally(context.load.published, points, letters, before);
  };
  return {
    async recoveredSince(healedAt) {
      return async () => (await now(healedAt)).lost === 0;
    },
    async final(settleMs) {
      let final = await now();
      await waitFor(
        'every acknowledged reading to be stored or rejected',
        async () => {
          final = await now();
          return final.lost === 0;
        },
        { timeoutMs: settleMs, intervalMs: 250 },
      ).catch(() => undefined);
      return final;
    },
  };
}

/**
 * The embedded DuckDB file is held by the platform, so while it runs progress is read from its
 * metrics (the drain forwards the spool in order, so once the store has confirmed as many readings
 * as were accepted at the heal, all of those are stored); the tally reads the file after a SIGTERM.
 */
export function embeddedChecks(context: FaultContext): StoreChecks {
  const metric = (name: string): Promise<number> =>
    platformMetric(context.platform().httpUrl, context.dataDir, name);
  return {
    async recoveredSince() {
      const accepted = await metric('ssc_ingest_readings_accepted_total');
      return async () => (await metric('ssc_ingest_readings_stored_total')) >= accepted;
    },
    async final(settleMs) {
      await waitFor(
        'the spool to be forwarded',
        async () => (await metric('ssc_ingest_spool_segments')) === 0,
        {
          timeoutMs: settleMs,
          intervalMs: 250,
        },
      ).catch(() => undefined);
      await context.stopPlatform();
      const { points, letters } = await embeddedContents(context.dataDir, context.run);
      return tally(context.load.published, points, letters);
    },
  };
}
