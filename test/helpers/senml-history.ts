import type { MqttClient } from 'mqtt';

const HOUR_S = 3600;
/** Records per MQTT message: well under the ingest's 64 KiB payload limit. */
const RECORDS_PER_MESSAGE = 1000;

export interface HourlyHistory {
  readonly sensorId: string;
  readonly quantity: string;
  /** First reading, epoch ms. */
  readonly from: number;
  readonly hours: number;
  /** Value of the reading `hour` hours after `from`. */
  readonly value: (hour: number) => number;
}

/**
 * Publishes hourly readings with historical timestamps as SenML packs (base time plus offsets), as a
 * gateway replaying a logger's memory would: a year of one sensor takes nine messages.
 */
export async function publishHourlyHistory(client: MqttClient, history: HourlyHistory): Promise<number> {
  const start = Math.floor(history.from / 1000);
  for (let first = 0; first < history.hours; first += RECORDS_PER_MESSAGE) {
    const count = Math.min(RECORDS_PER_MESSAGE, history.hours - first);
    const pack = Array.from({ length: count }, (_, i) => ({
      n: history.quantity,
      v: history.value(first + i),
      t: i * HOUR_S,
      ...(i === 0 ? { bn: `${history.sensorId}:`, bt: start + first * HOUR_S } : {}),
    }));
    await client.publishAsync(`sensors/${history.sensorId}`, JSON.stringify(pack), { qos: 1 });
  }
  return history.hours;
}
