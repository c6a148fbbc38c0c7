import {
  LiveBus,
  CATALOGUE_VERSION,
  findKpiDefinition,
  parsePlanYaml,
  type DeadLetter,
  type DeadLetterLog,
  type DeadLetterQuery,
  type HealthReport,
  type KpiSnapshot,
  type PlanKpi,
  type PlanVersion,
  type PlatformView,
  type SensorState,
  type SeriesPoint,
  type SeriesQuery,
} from '@ssc-monitor/core';
import { MemoryReportSource } from './memory-report-source.js';

/** A tiny plan: two KPIs, two districts, one sensor. */
export const TEST_PLAN_YAML = `
version: 1
city:
  name: Testville
  population: 1000
  districts:
    - { id: centre, name: Centre }
    - { id: north, name: North }
sensors:
  - { id: aq-1, district: centre, kind: air_quality, lat: 59.9, lon: 10.7 }
kpis:
  - id: env.air.pm25
    baseline: { value: 18, period: { from: 2024-01-01, to: 2024-12-31 }, source: Annual report }
    targets:
      - { horizon: short, date: 2027-12-31, value: 15 }
      - { horizon: long, date: 2035-12-31, value: 5 }
  - id: env.noise.laeq
    baseline: { value: 62, period: { from: 2024-01-01, to: 2024-12-31 } }
    targets:
      - { horizon: medium, date: 2030-12-31, value: 58 }
`;

/** Rejected messages kept in an array, newest last. */
export class ArrayDeadLetterLog implements DeadLetterLog {
  readonly letters: DeadLetter[] = [];

  async add(letters: readonly DeadLetter[]): Promise<void> {
    this.letters.push(...letters);
  }

  async list(query: DeadLetterQuery): Promise<DeadLetter[]> {
    return this.letters
      .filter((letter) => query.sensorId === undefined || letter.sensorId === query.sensorId)
      .toReversed()
      .slice(0, query.limit);
  }

  async countsBySensor(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { sensorId } of this.letters)
      if (sensorId !== null) counts.set(sensorId, (counts.get(sensorId) ?? 0) + 1);
    return counts;
  }
}

export function snapshotOf(planKpi: PlanKpi, value: number | null, at: number): KpiSnapshot {
  const definition = findKpiDefinition(planKpi.id);
  if (definition === undefined) throw new Error(`test plan names unknown KPI ${planKpi.id}`);
  const nextTarget = planKpi.targets[0] ?? null;
  return {
    id: definition.id,
    name: definition.name,
    dimension: definition.dimension,
    subDimension: definition.subDimension,
    unit: definition.unit,
    direction: definition.direction,
    baseline: planKpi.baseline,
    targets: planKpi.targets,
    current: {
      value,
      at: value === null ? null : at,
      readings: value === null ? 0 : 12,
      coverage: null,
      period: null,
    },
    catalogueVersion: CATALOGUE_VERSION,
    dataQuality: value === null ? 'unknown' : 'accurate_measurement',
    targetsProgress: planKpi.targets.map((t) => ({ ...t, progress: null })),
    maturityLevel: null,
    warnings: [],
    nextTarget,
    progress:
      value === null || nextTarget === null
        ? null
        : (value - planKpi.baseline.value) / (nextTarget.value - planKpi.baseline.value),
    expected: nextTarget === null ? null : planKpi.baseline.value,
    status: value === null ? 'no_data' : 'on_track',
  };
}

export const HEALTHY: HealthReport = {
  status: 'ok',
  broker: { mode: 'embedded', url: 'mqtt://127.0.0.1:1883', connected: true },
  store: { kind: 'embedded', ok: true, lastError: null },
  ingest: { messages: 10, readings: 9, stored: 9, rejected: 1, pending: 0 },
  startedAt: 1_760_000_000_000,
};

export interface MemoryPlatformView extends PlatformView {
  readonly deadLetters: ArrayDeadLetterLog;
  readonly seriesCalls: Array<{ id: string; query: SeriesQuery }>;
  kpiList: KpiSnapshot[];
  sensorList: SensorState[];
  healthReport: HealthReport;
  /** What GET /metrics returns. */
  metricsText: string;
  readonly reports: MemoryReportSource;
  /** Replaces the series answer; by default one point per `every` from from + every to to. */
  seriesImpl: (id: string, query: SeriesQuery) => Promise<SeriesPoint[]>;
}

function evenSeries(_id: string, query: SeriesQuery): Promise<SeriesPoint[]> {
  const points: SeriesPoint[] = [];
  for (let t = query.from + query.every; t <= query.to; t += query.every) points.push({ t, value: t % 7 });
  return Promise.resolve(points);
}

/** A PlatformView over in-memory state and real core objects (LiveBus, parsed plan, catalogue). */
export function createMemoryView(now = 1_767_225_600_000): MemoryPlatformView {
  const parsed = parsePlanYaml(TEST_PLAN_YAML);
  if (!parsed.ok) throw new Error(`test plan is invalid: ${JSON.stringify(parsed.issues)}`);
  const plan = parsed.plan;
  const [pm25, noise] = plan.kpis;
  if (pm25 === undefined || noise === undefined) throw new Error('test plan needs two KPIs');
  const versions: PlanVersion[] = [{ version: 1, author: 'plan file', at: now, note: 'initial', plan }];
  const view: MemoryPlatformView = {
    get plan() {
      return versions.at(-1)?.plan ?? plan;
    },
    get planVersion() {
      return versions.length;
    },
    planHistory: () => Promise.resolve(versions.map(({ plan: _plan, ...change }) => change).reverse()),
    planAt: (version) => Promise.resolve(versions[version - 1]),
    updatePlan: (next, change) => {
      const saved = { ...change, version: versions.length + 1, at: now, plan: next };
      versions.push(saved);
      return Promise.resolve(saved);
    },
    live: new LiveBus(),
    deadLetters: new ArrayDeadLetterLog(),
    seriesCalls: [],
    kpiList: [snapshotOf(pm25, 16.5, now - 60_000), snapshotOf(noise, null, now)],
    sensorList: [
      {
        id: 'aq-1',
        district: 'centre',
        lastSeen: now - 5_000,
        messages: 4,
        errors: 1,
        latest: { pm25: { value: 16.5, ts: now - 60_000 } },
      },
      { id: 'stray-7', district: 'unassigned', lastSeen: now - 9_000, messages: 1, errors: 0, latest: {} },
    ],
    healthReport: HEALTHY,
    metricsText:
      '# HELP ssc_ingest_messages_received_total Messages\n# TYPE ssc_ingest_messages_received_total counter\nssc_ingest_messages_received_total 10\n',
    seriesImpl: evenSeries,
    kpis: () => view.kpiList,
    kpi: (id) => view.kpiList.find((kpi) => kpi.id === id),
    kpiDefinition: (id) => findKpiDefinition(id),
    kpiSeries: (id, query) => {
      view.seriesCalls.push({ id, query });
      return view.seriesImpl(id, query);
    },
    kpiTrend: () => Promise.resolve(null),
    measureKpi: (id, period) => {
      const definition = findKpiDefinition(id);
      if (definition === undefined || !view.kpiList.some((kpi) => kpi.id === id))
        return Promise.resolve(undefined);
      return Promise.resolve({
        ...period,
        value: 17.5,
        coverage: 0.97,
        sufficient: true,
        readings: 8500,
        sensors: ['aq-centre-1'],
        validDays: null,
        days: 366,
        timeZone: 'UTC',
        formula: definition.formula,
        catalogueVersion: CATALOGUE_VERSION,
      });
    },
    sensors: () => view.sensorList,
    sensor: (id) => view.sensorList.find((sensor) => sensor.id === id),
    health: () => Promise.resolve(view.healthReport),
    metrics: () => Promise.resolve(view.metricsText),
    feeds: () => Promise.resolve([]),
    reports: new MemoryReportSource(() => now),
  };
  return view;
}
