import type { Reading } from '../readings/reading.js';

/** What a KPI's live state says now. */
export interface CurrentValue {
  readonly value: number | null;
  /** Event time of the newest reading taken in, epoch ms. */
  readonly at: number | null;
  readonly readings: number;
  /** Data coverage of the window (0–1), where the source measures it. */
  readonly coverage: number | null;
  /** The window's period, for calendar windows (local dates, inclusive). */
  readonly period: { readonly from: string; readonly to: string } | null;
}

/** Incremental state of one KPI: readings in, current value out, no store query per reading. */
export interface KpiValueSource {
  /** Takes a reading; false when it does not concern this KPI or falls outside its window. */
  add(reading: Reading): boolean;
  current(now: number): CurrentValue;
  /** How old the newest reading may be before the value says nothing about today, ms. */
  readonly staleAfterMs: number;
}
