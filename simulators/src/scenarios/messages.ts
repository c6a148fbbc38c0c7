import type { Reading } from '@ssc-monitor/core';
import type { SimCity, SimulatedSensor } from './city.js';
import { encodePayload } from './encode.js';
import type { EncodedMessage } from './payloads.js';

/** The readings of one sensor for one interval, before encoding: what value faults work on. */
export interface SensorBatch {
  readonly sensor: SimulatedSensor;
  /** End of the interval, epoch ms. */
  readonly t: number;
  readonly dtMs: number;
  readonly readings: readonly Reading[];
}

/** The city's readings for (t − dtMs, t], grouped per sensor in the city's sensor order. */
export function sensorBatches(city: SimCity, t: number, dtMs: number): SensorBatch[] {
  const bySensor = new Map<string, Reading[]>();
  for (const reading of city.readings(t, dtMs)) {
    const group = bySensor.get(reading.sensorId);
    if (group) group.push(reading);
    else bySensor.set(reading.sensorId, [reading]);
  }
  return city.sensors.flatMap((sensor) => {
    const readings = bySensor.get(sensor.id);
    return readings ? [{ sensor, t, dtMs, readings }] : [];
  });
}

export function encodeBatch(batch: SensorBatch): EncodedMessage {
  return { sensorId: batch.sensor.id, payload: encodePayload(batch.sensor.encoding, batch.readings) };
}

/** One message per sensor for the interval (t − dtMs, t], in the city's sensor order. */
export function demoMessages(city: SimCity, t: number, dtMs: number): EncodedMessage[] {
  return sensorBatches(city, t, dtMs).map(encodeBatch);
}
