import {
  computeKpiSeries,
  projectTrend,
  measureKpi,
  type DeadLetterLog,
  type FeedStatusSource,
  type HealthReport,
  type KpiEngine,
  type LiveBus,
  type PlatformView,
  type ReportSource,
  type Store,
} from '@ssc-monitor/core';
import type { Registry } from 'prom-client';
import type { MqttSource } from './adapters/mqtt/mqtt-source.js';
import type { IngestPipeline } from './pipeline/ingest-pipeline.js';
import type { SensorRegistry } from './pipeline/sensor-registry.js';
import type { PlanService } from './plan-service.js';
import { withTimeout } from './with-timeout.js';

/** Longest wait for the store in a health check: load balancers and dashboards poll it. */
const HEALTH_PING_TIMEOUT_MS = 2_000;

export interface ViewParts {
  readonly feeds: FeedStatusSource;
  readonly reports: ReportSource;
  readonly plans: PlanService;
  readonly live: LiveBus;
  readonly store: Store;
  readonly storeKind: string;
  readonly deadLetters: DeadLetterLog;
  readonly engine: KpiEngine;
  readonly sensors: SensorRegistry;
  readonly pipeline: IngestPipeline;
  readonly source: MqttSource;
  readonly broker: { readonly mode: 'embedded' | 'external'; readonly url: string };
  readonly startedAt: number;
  readonly metrics: Registry;
}

const DAY_MS = 86_400_000;
/** The recent history a trend is fitted on. */
const TREND_WINDOW_MS = 90 * DAY_MS;

/** What the HTTP API reads, assembled from the running parts. */
export function createPlatformView(parts: ViewParts): PlatformView {
  const { plans, engine, sensors, store, pipeline, live } = parts;
  return {
    get plan() {
      return plans.plan;
    },
    get planVersion() {
      return plans.version;
    },
    planHistory: () => plans.history(),
    planAt: (version) => plans.get(version),
    updatePlan: (plan, change) => plans.update(plan, change, { engine, sensors, store, live }),
    live: parts.live,
    reports: parts.reports,
    deadLetters: parts.deadLetters,
    kpis: () => engine.snapshots(),
    kpi: (id) => engine.snapshot(id),
    kpiDefinition: (id) => engine.definition(id),
    async kpiSeries(id, query) {
      const definition = engine.definition(id);
      const context = engine.measureContext(id);
      return definition === undefined || context === undefined
        ? []
        : computeKpiSeries(store, definition, context, query);
    },
    async kpiTrend(id) {
      const definition = engine.definition(id);
      const context = engine.measureContext(id);
      const snapshot = engine.snapshot(id);
      // Calendar KPIs accumulate within their period: a line through year-to-date values says nothing.
      if (definition?.window.kind !== 'rolling' || context === undefined || !snapshot?.nextTarget)
        return null;
      const now = Date.now();
      const points = await computeKpiSeries(store, definition, context, {
        from: now - TREND_WINDOW_MS,
        to: now,
        every: DAY_MS,
      });
      return projectTrend(points, snapshot.nextTarget, definition.direction, definition.unit);
    },
    async measureKpi(id, period) {
      const definition = engine.definition(id);
      const context = engine.measureContext(id);
      return definition === undefined || context === undefined
        ? undefined
        : measureKpi(store, definition, { ...context, ...period });
    },
    feeds: () => parts.feeds.feeds(),
    sensors: () => sensors.all(),
    sensor: (id) => sensors.get(id),
    async health(): Promise<HealthReport> {
      // Counted before waiting on the store: a store busy with a backlog must not make them stale.
      const ingest = pipeline.counters();
      const spoolFull = pipeline.spoolState().full;
      const answered = await withTimeout(store.ping(), HEALTH_PING_TIMEOUT_MS, 'no answer').catch(() => null);
      const lastError = spoolFull
        ? 'spool full: readings are not acknowledged'
        : answered === null
          ? `store did not answer within ${HEALTH_PING_TIMEOUT_MS} ms (busy or stalled)`
          : pipeline.lastStoreError;
      const storeOk = answered === true && lastError === null;
      const connected = parts.source.connected;
      return {
        status: storeOk && connected ? 'ok' : 'degraded',
        broker: { ...parts.broker, connected },
        store: { kind: parts.storeKind, ok: storeOk, lastError },
        ingest,
        startedAt: parts.startedAt,
      };
    },
    metrics: () => parts.metrics.metrics(),
  };
}
