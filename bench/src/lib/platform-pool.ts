import { randomBytes } from 'node:crypto';
import { benchMosquitto } from './bench-mosquitto.js';
import { startPlatform, type BenchPlatform } from './platform.js';
import { release, shared } from './shared-setup.js';

const KEY = 'platform (embedded store)';

/**
 * One platform (embedded store, the bench Mosquitto) shared by the scenarios of a quick run
 * (freshness, then ingest), so that the whole quick bench stays under a minute; full runs start one
 * per scenario.
 */
export function sharedPlatform(sensors: number): Promise<BenchPlatform> {
  return shared(
    KEY,
    async () =>
      startPlatform({
        sensors,
        mqttUrl: (await benchMosquitto()).url,
        topicPrefix: `bench-${randomBytes(4).toString('hex')}/`,
      }),
    // Ingest, its last user, leaves it a QoS 0 backlog in a scratch store that no figure reads:
    // a graceful stop would spend seconds writing it.
    (platform) => platform.stop('SIGKILL'),
  );
}

/** Stops the shared platform, if one was started: its last user is done with it. */
export function releaseSharedPlatform(): Promise<void> {
  return release(KEY);
}
