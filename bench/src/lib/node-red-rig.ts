import { randomBytes } from 'node:crypto';
import { startInfluxServer, type InfluxServer } from '../../../test/helpers/influxdb.js';
import { benchMosquitto } from './bench-mosquitto.js';
import { installedNodeRed, nodeRedVersions } from './node-red-install.js';
import { startNodeRedFlow, type NodeRedFlow } from './node-red-run.js';
import { startPlatform, type BenchPlatform } from './platform.js';
import { release, shared } from './shared-setup.js';

/** A fresh topic prefix, so that each system under test hears only its own load. */
export const benchPrefix = (): string => `bench-${randomBytes(4).toString('hex')}/`;

/** The platform with `STORE=influx` on the given InfluxDB, through the bench Mosquitto. */
export async function startInfluxPlatform(influx: InfluxServer, sensors: number): Promise<BenchPlatform> {
  return startPlatform({
    sensors,
    mqttUrl: (await benchMosquitto()).url,
    topicPrefix: benchPrefix(),
    influxUrl: influx.url,
  });
}

/**
 * What a quick run's node-red scenario measures, started idle: one InfluxDB, the batched Node-RED
 * flow at QoS 0 (absent when Node-RED is not installed: a quick run never installs it) and the
 * platform with `STORE=influx`.
 */
export interface QuickNodeRedRig {
  readonly influx: InfluxServer;
  readonly platform: BenchPlatform;
  readonly flow: NodeRedFlow | undefined;
  readonly versions: string | undefined;
}

async function startRig(sensors: number): Promise<QuickNodeRedRig> {
  const install = installedNodeRed();
  const [influx, broker] = await Promise.all([startInfluxServer(), benchMosquitto()]);
  const [platform, flow, versions] = await Promise.allSettled([
    startInfluxPlatform(influx, sensors),
    install &&
      startNodeRedFlow({
        install,
        kind: 'batched',
        qos: 0,
        influxUrl: influx.url,
        mqttUrl: broker.url,
        prefix: benchPrefix(),
      }),
    install && nodeRedVersions(install),
  ]);
  if (platform.status === 'fulfilled' && flow.status === 'fulfilled')
    return {
      influx,
      platform: platform.value,
      flow: flow.value,
      versions: versions.status === 'fulfilled' ? versions.value || undefined : undefined,
    };
  if (platform.status === 'fulfilled') await platform.value.stop();
  if (flow.status === 'fulfilled' && flow.value) await flow.value.stop();
  await influx.dispose();
  throw platform.status === 'rejected' ? platform.reason : (flow as PromiseRejectedResult).reason;
}

async function stopRig(rig: QuickNodeRedRig): Promise<void> {
  // Quick runs only: what the platform still holds is read by no figure, so it is not flushed.
  await Promise.all([rig.platform.stop('SIGKILL'), rig.flow?.stop()]);
  await rig.influx.dispose();
}

const KEY = 'node-red side by side';

export function quickNodeRedRig(sensors: number): Promise<QuickNodeRedRig> {
  return shared(KEY, () => startRig(sensors), stopRig);
}

export function releaseQuickNodeRedRig(): Promise<void> {
  return release(KEY);
}
