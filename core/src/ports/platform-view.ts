import type { KpiSnapshot } from '../kpi/snapshot.js';
import type { LiveBus } from '../live/events.js';
import type { Plan } from '../plan/plan.js';
import type { PlanChange, PlanVersion } from '../plan/plan-repository.js';
import type { SensorState } from '../sensors/sensor-state.js';
import type { KpiDefinition } from '../kpi/definition.js';
import type { Measurement } from '../kpi/period/measure.js';
import type { Trend } from '../kpi/trend.js';
import type { FeedStatus } from '../feeds/feed-status.js';
import type { DeadLetterLog } from './dead-letter-log.js';
import type { ReportSource } from './report-source.js';

export interface IngestCounters {
  /** MQTT messages received on sensor topics. */
  readonly messages: number;
  /** Readings taken from valid messages. */
  readonly readings: number;
  /** Readings durably written to the store. */
  readonly stored: number;
  /** Messages rejected to the dead-letter log. */
  readonly rejected: number;
  /** Readings and dead letters durable in the ingest spool, not yet in the store. */
  readonly pending: number;
}

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly broker: {
    readonly mode: 'embedded' | 'external';
    readonly url: string;
    readonly connected: boolean;
  };
  readonly store: { readonly kind: string; readonly ok: boolean; readonly lastError: string | null };
  readonly ingest: IngestCounters;
  /** Epoch ms. */
  readonly startedAt: number;
}

export interface SeriesPoint {
  /** End of the window the value was computed over, epoch ms. */
  readonly t: number;
  readonly value: number | null;
}

export interface SeriesQuery {
  readonly from: number;
  readonly to: number;
  /** Spacing of points in ms. */
  readonly every: number;
}

/** Everything the HTTP API reads. Implemented by the ingest side's composition root. */
export interface PlatformView {
  /** The plan in force (the newest version). */
  readonly plan: Plan;
  readonly planVersion: number;
  planHistory(): Promise<PlanChange[]>;
  planAt(version: number): Promise<PlanVersion | undefined>;
  /** Saves a validated plan as a new version and applies it: KPIs are recomputed under it. */
  updatePlan(plan: Plan, change: { readonly author: string; readonly note: string }): Promise<PlanVersion>;
  readonly live: LiveBus;
  readonly deadLetters: DeadLetterLog;
  kpis(): KpiSnapshot[];
  kpi(id: string): KpiSnapshot | undefined;
  kpiDefinition(id: string): KpiDefinition | undefined;
  kpiSeries(id: string, query: SeriesQuery): Promise<SeriesPoint[]>;
  /** Trend of the last 90 days of daily values projected to the next target; null without enough data. */
  kpiTrend(id: string): Promise<Trend | null>;
  /** The KPI measured from stored data over local calendar dates (both inclusive). */
  measureKpi(
    id: string,
    period: { readonly from: string; readonly to: string },
  ): Promise<Measurement | undefined>;
  sensors(): SensorState[];
  sensor(id: string): SensorState | undefined;
  health(): Promise<HealthReport>;
  /** Ingest counters, spool gauges and process metrics in the Prometheus text format (version 0.0.4). */
  metrics(): Promise<string>;
  /** Open-data feeds with their last runs, errors and next run. */
  feeds(): Promise<FeedStatus[]>;
  /** Scheduled progress reports and the archive of rendered PDFs. */
  readonly reports: ReportSource;
}
