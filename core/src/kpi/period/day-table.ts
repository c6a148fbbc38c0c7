import type { QuantityId } from '../../vocabulary/quantities.js';
import { emptyTotals, mergeInto, type Totals } from '../formula.js';

/** One station's readings of one quantity on one local calendar day. */
export interface DayCell extends Totals {
  /** Bit h is set when local hour h has at least one reading (coverage per air-quality practice). */
  hours: number;
}

export const emptyDayCell = (): DayCell => ({ ...emptyTotals(), hours: 0 });

/** Number of local hours with data in a day cell. */
export function hoursWithData(cell: DayCell): number {
  let n = 0;
  for (let bits = cell.hours; bits !== 0; bits &= bits - 1) n += 1;
  return n;
}

/**
 * Per quantity, per station, per local date: mergeable totals with hour coverage. Both the streaming
 * engine (reading by reading) and batch recomputation (from hourly store aggregates) fill one, and
 * period-evaluation.ts turns it into a KPI value — so streaming and batch agree by construction.
 */
export class DayTable {
  readonly #cells = new Map<QuantityId, Map<string, Map<string, DayCell>>>();

  /** Adds totals of readings that all fall in local `hour` of `date`. */
  add(quantity: QuantityId, sensorId: string, date: string, hour: number, totals: Totals): void {
    if (totals.count === 0) return;
    const cell = this.#cell(quantity, sensorId, date);
    mergeInto(cell, totals);
    cell.hours |= 1 << hour;
  }

  /** Adds one reading. */
  addReading(
    quantity: QuantityId,
    sensorId: string,
    date: string,
    hour: number,
    value: number,
    above: boolean,
  ): void {
    this.add(quantity, sensorId, date, hour, {
      count: 1,
      sum: value,
      min: value,
      max: value,
      above: above ? 1 : 0,
    });
  }

  /** Replaces the value of a reading already added (a corrected redelivery); min/max can only widen. */
  replaceReading(
    quantity: QuantityId,
    sensorId: string,
    date: string,
    previous: number,
    value: number,
    threshold: number | undefined,
  ): void {
    const cell = this.#cells.get(quantity)?.get(sensorId)?.get(date);
    if (cell === undefined) return;
    const above = (v: number) => (threshold !== undefined && v > threshold ? 1 : 0);
    cell.sum += value - previous;
    cell.above += above(value) - above(previous);
    cell.min = Math.min(cell.min, value);
    cell.max = Math.max(cell.max, value);
  }

  /** Station → date → cell for a quantity. */
  stations(quantity: QuantityId): ReadonlyMap<string, ReadonlyMap<string, DayCell>> {
    return this.#cells.get(quantity) ?? new Map();
  }

  /** Drops every day before `date` (a calendar window moving on). */
  dropBefore(date: string): void {
    for (const stations of this.#cells.values()) {
      for (const days of stations.values()) {
        for (const day of days.keys()) if (day < date) days.delete(day);
      }
    }
  }

  #cell(quantity: QuantityId, sensorId: string, date: string): DayCell {
    let stations = this.#cells.get(quantity);
    if (stations === undefined) this.#cells.set(quantity, (stations = new Map()));
    let days = stations.get(sensorId);
    if (days === undefined) stations.set(sensorId, (days = new Map()));
    let cell = days.get(date);
    if (cell === undefined) days.set(date, (cell = emptyDayCell()));
    return cell;
  }
}
