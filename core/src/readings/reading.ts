import type { QuantityId } from '../vocabulary/quantities.js';

/** One measured value, in the canonical unit of its quantity. */
export interface Reading {
  readonly sensorId: string;
  readonly quantity: QuantityId;
  readonly value: number;
  /** Device (event) time, epoch milliseconds. */
  readonly ts: number;
}

/** A reading tagged with the district its sensor belongs to, as stored. */
export interface StoredReading extends Reading {
  readonly district: string;
}

/** District for sensors that no plan places anywhere. */
export const UNASSIGNED_DISTRICT = 'unassigned';

/**
 * Point identity: the same sensor, quantity and device time is the same point, so redeliveries
 * overwrite instead of duplicating.
 */
export function readingKey(reading: Pick<Reading, 'sensorId' | 'quantity' | 'ts'>): string {
  return `${reading.sensorId}\u0000${reading.quantity}\u0000${reading.ts}`;
}
