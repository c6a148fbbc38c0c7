import type { IngestCounters, RejectionCode } from '@ssc-monitor/core';

/** Why a QoS 0 message was dropped (QoS 1 waits instead, unacknowledged). */
export type DropReason =
  /** The spool reached SPOOL_MAX_BYTES. */
  | 'spool_full'
  /** Intake was paused: the backlog not yet stored passed its high-water mark. */
  | 'overload';

/** Plain counters on the hot path; the Prometheus registry reads them only when scraped. */
export class IngestStats {
  /** MQTT messages received on sensor topics. */
  received = 0;
  /** Readings taken from valid messages. */
  accepted = 0;
  /** Readings the store confirmed. */
  stored = 0;
  /** Messages with the MQTT dup flag or holding a reading seen recently. */
  redelivered = 0;
  /** Records (readings and dead letters) made durable in the spool. */
  spooled = 0;
  /** QoS 0 messages dropped, by reason. */
  readonly droppedBy: Record<DropReason, number> = { spool_full: 0, overload: 0 };
  readonly rejectedBy = new Map<RejectionCode, number>();

  reject(code: RejectionCode): void {
    this.rejectedBy.set(code, (this.rejectedBy.get(code) ?? 0) + 1);
  }

  get dropped(): number {
    return this.droppedBy.spool_full + this.droppedBy.overload;
  }

  get rejected(): number {
    let total = 0;
    for (const n of this.rejectedBy.values()) total += n;
    return total;
  }

  counters(pending: number): IngestCounters {
    return {
      messages: this.received,
      readings: this.accepted,
      stored: this.stored,
      rejected: this.rejected,
      pending,
    };
  }
}
