import type { DataQuality, FrozenBaseline } from '../plan/plan.js';
import type { Dimension, Direction } from './definition.js';

export type Horizon = 'short' | 'medium' | 'long';

export interface Target {
  readonly horizon: Horizon;
  /** Calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly value: number;
}

export interface Baseline {
  readonly value: number;
  readonly dataQuality?: DataQuality;
  readonly frozen?: FrozenBaseline;
  /** Calendar dates, YYYY-MM-DD, both inclusive. */
  readonly period: { readonly from: string; readonly to: string };
  readonly source?: string;
}

export type KpiStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/** What the API and the live stream say about one KPI at one moment. */
export interface KpiSnapshot {
  readonly id: string;
  readonly name: string;
  readonly dimension: Dimension;
  readonly subDimension: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly baseline: Baseline;
  readonly targets: readonly Target[];
  readonly current: {
    readonly value: number | null;
    /** Event time of the newest reading in the window, epoch ms. */
    readonly at: number | null;
    /** Readings in the window. */
    readonly readings: number;
    /** Share (0–1) of expected hours or days with data, for calendar windows; null for rolling ones. */
    readonly coverage: number | null;
    /** Local dates of the calendar period the value covers (to date); null for rolling windows. */
    readonly period: { readonly from: string; readonly to: string } | null;
  };
  /** U4SSC data-quality flag of the current value. */
  readonly dataQuality: 'accurate_measurement' | 'unknown';
  /** Progress toward every target of the plan, in date order. */
  readonly targetsProgress: ReadonlyArray<Target & { readonly progress: number | null }>;
  /** ITU-T Y.4904 maturity level reached, when the plan gives levels. */
  readonly maturityLevel: number | null;
  /** Verification warnings on the value (never block it). */
  readonly warnings: readonly string[];
  /** Catalogue version whose definition produced the value. */
  readonly catalogueVersion: string;
  /** The first target whose date is after the current time (else the last). */
  readonly nextTarget: Target | null;
  /** (current − baseline) / (target − baseline) toward nextTarget; 1 = reached. */
  readonly progress: number | null;
  /** Where the value should be today on the linear trajectory from baseline to nextTarget. */
  readonly expected: number | null;
  readonly status: KpiStatus;
}
