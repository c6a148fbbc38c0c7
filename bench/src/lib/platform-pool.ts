import { randomBytes } from 'node:crypto';
import { MACHINE_MOSQUITTO_URL } from './brokers.js';
import { startPlatform, type BenchPlatform } from './platform.js';

let shared: Promise<BenchPlatform> | undefined;

/**
 * One platform (embedded store, the machine's Mosquitto) shared by the scenarios of a quick run, so
 * that the whole quick bench stays under a minute; full runs start one per scenario.
 */
export function sharedPlatform(sensors: number): Promise<BenchPlatform> {
  shared ??= startPlatform({
    sensors,
    mqttUrl: MACHINE_MOSQUITTO_URL,
    topicPrefix: `bench-${randomBytes(4).toString('hex')}/`,
  });
  return shared;
}

/** Stops the shared platform, if one was started. */
export async function stopSharedPlatform(): Promise<void> {
  const platform = await shared?.catch(() => undefined);
  shared = undefined;
  await platform?.stop();
}
