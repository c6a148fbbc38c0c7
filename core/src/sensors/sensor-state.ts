import type { QuantityId } from '../vocabulary/quantities.js';

export interface LatestValue {
  readonly value: number;
  /** Event time, epoch ms. */
  readonly ts: number;
}

/** What the platform knows about one sensor: served by /api/sensors and streamed live. */
export interface SensorState {
  readonly id: string;
  readonly district: string;
  /** Wall-clock time of the last message (valid or not), epoch ms. */
  readonly lastSeen: number | null;
  /** Messages received, valid or not. */
  readonly messages: number;
  /** Messages rejected to the dead-letter log. */
  readonly errors: number;
  readonly latest: Readonly<Partial<Record<QuantityId, LatestValue>>>;
}
