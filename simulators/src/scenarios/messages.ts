import type { Reading } from '@ssc-monitor/core';
import type { DemoCity } from './demo-city.js';
import { encodePayload, PAYLOAD_FORMATS, type OutgoingMessage } from './payloads.js';

/** One message per sensor for the interval (t − dtMs, t], in the city's sensor order. */
export function demoMessages(city: DemoCity, t: number, dtMs: number): OutgoingMessage[] {
  const bySensor = new Map<string, Reading[]>();
  for (const reading of city.readings(t, dtMs)) {
    const group = bySensor.get(reading.sensorId);
    if (group) group.push(reading);
    else bySensor.set(reading.sensorId, [reading]);
  }
  return city.sensors.flatMap((sensor) => {
    const readings = bySensor.get(sensor.id);
    return readings
      ? [{ sensorId: sensor.id, payload: encodePayload(PAYLOAD_FORMATS[sensor.kind], readings) }]
      : [];
  });
}
