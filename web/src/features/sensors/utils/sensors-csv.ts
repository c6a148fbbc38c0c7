import type { QuantityId, SensorState } from '@ssc-monitor/core';
import { quantityDisplay } from '../../../config/quantities';
import { isoTime, toCsv, type CsvColumn } from '../../../lib/export/csv';

/** Quantities any of the sensors has a latest value of, in name order, for one column pair each. */
function quantitiesOf(sensors: readonly SensorState[]): QuantityId[] {
  const seen = new Set<QuantityId>();
  for (const sensor of sensors)
    for (const quantity of Object.keys(sensor.latest)) seen.add(quantity as QuantityId);
  return [...seen].sort();
}

/** The sensors table for a spreadsheet: raw numbers, ISO times, one value and time column per quantity. */
export function sensorsCsv(
  sensors: readonly SensorState[],
  districtNames: ReadonlyMap<string, string>,
): string {
  const columns: CsvColumn<SensorState>[] = [
    { header: 'sensor', value: (s) => s.id },
    { header: 'district_id', value: (s) => s.district },
    { header: 'district', value: (s) => districtNames.get(s.district) ?? s.district },
    { header: 'last_seen', value: (s) => isoTime(s.lastSeen) },
    { header: 'messages', value: (s) => s.messages },
    { header: 'rejected', value: (s) => s.errors },
  ];
  for (const quantity of quantitiesOf(sensors)) {
    const { unit } = quantityDisplay(quantity);
    columns.push(
      { header: unit === '' ? quantity : `${quantity} [${unit}]`, value: (s) => s.latest[quantity]?.value },
      { header: `${quantity}_at`, value: (s) => isoTime(s.latest[quantity]?.ts) },
    );
  }
  return toCsv(columns, sensors);
}
