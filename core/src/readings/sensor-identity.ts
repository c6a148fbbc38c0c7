import { reject, type Rejection } from './rejection.js';

/**
 * Whether a device identifier carried in a payload names the topic's sensor: the id itself, or a URN
 * or path ending in it (`urn:dev:ow:aq-1`, `urn:ngsi-ld:AirQualityObserved:aq-1`, `site/aq-1`). The
 * topic is what the broker authorised for the sensor's credential, so a payload claiming another
 * sensor is refused rather than stored under either id.
 */
export function namesSensor(identifier: string, sensorId: string): boolean {
  return (
    identifier === sensorId || identifier.endsWith(`:${sensorId}`) || identifier.endsWith(`/${sensorId}`)
  );
}

/**
 * The device part of a resolved SenML name (everything before its last `:` or `/`, the quantity
 * being the last segment), or undefined for a bare quantity name.
 */
export function senmlDevice(name: string): string | undefined {
  const cut = Math.max(name.lastIndexOf(':'), name.lastIndexOf('/'));
  return cut > 0 ? name.slice(0, cut) : undefined;
}

export function identityMismatch(claimed: string, sensorId: string, where: string): Rejection {
  return reject(
    'INGEST_ERR_SENSOR_MISMATCH',
    `${where} '${claimed.slice(0, 128)}' names another sensor than the topic's '${sensorId}'`,
  );
}
