import { reject, type Rejection } from '@ssc-monitor/core';
import type { RefusedPublish } from './broker-auth.js';

/**
 * The dead-letter reason of a publish the broker refused: kept with a stable code, because a sensor
 * writing on another sensor's topic is either misconfigured or forging data, and both need a look.
 */
export function refusalRejection(refused: RefusedPublish): Rejection {
  return reject(
    'INGEST_ERR_CREDENTIAL_MISMATCH',
    `sensor '${refused.sensorId}' published on '${refused.topic.slice(0, 200)}' but may publish only on '${refused.allowedTopic}'`,
  );
}
