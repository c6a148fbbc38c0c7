import type { SensorState } from '@ssc-monitor/core';
import { getJson } from '../../../lib/api-client';
import { isSensorState } from '../../../lib/domain-guards';
import { envelopeOf } from '../../../lib/guards';

const isSensorList = envelopeOf('sensors', isSensorState);

export async function fetchSensors(signal: AbortSignal): Promise<SensorState[]> {
  return (await getJson('/sensors', isSensorList, { signal })).sensors;
}
