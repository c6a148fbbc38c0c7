import { readingKey, type QuantityId, type Reading, type Store, type StoredReading } from '@ssc-monitor/core';

/**
 * Writes the readings that are not already stored with the same value, and returns them.
 *
 * The store keys points by (sensor, quantity, ts), so writing a re-pulled row again would be
 * harmless; reading first is what lets a run say how many readings were really new, and spares
 * the store a rewrite of a whole dataset on every scheduled pull. A portal correcting a value
 * changes it, so that reading is written again.
 */
export async function storeNewReadings(
  store: Store,
  readings: readonly Reading[],
  districtOf: (sensorId: string) => string,
  batchSize: number,
): Promise<StoredReading[]> {
  // The same point twice in one payload: the later row wins, as it would in the store.
  const latest = new Map<string, Reading>();
  for (const reading of readings) latest.set(readingKey(reading), reading);
  const byQuantity = new Map<QuantityId, Reading[]>();
  for (const reading of latest.values()) {
    const group = byQuantity.get(reading.quantity);
    if (group === undefined) byQuantity.set(reading.quantity, [reading]);
    else group.push(reading);
  }
  const fresh: StoredReading[] = [];
  for (const [quantity, group] of byQuantity) {
    const known = await storedValues(store, quantity, group);
    for (const reading of group)
      if (known.get(readingKey(reading)) !== reading.value)
        fresh.push({ ...reading, district: districtOf(reading.sensorId) });
  }
  for (let i = 0; i < fresh.length; i += batchSize) await store.write(fresh.slice(i, i + batchSize));
  return fresh;
}

async function storedValues(
  store: Store,
  quantity: QuantityId,
  group: readonly Reading[],
): Promise<Map<string, number>> {
  let from = Infinity;
  let to = -Infinity;
  const sensorIds = new Set<string>();
  for (const reading of group) {
    from = Math.min(from, reading.ts);
    to = Math.max(to, reading.ts);
    sensorIds.add(reading.sensorId);
  }
  const stored = await store.readings({ quantity, from, to: to + 1, sensorIds: [...sensorIds] });
  return new Map(stored.map((reading) => [readingKey(reading), reading.value]));
}
